import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/client.ts';
import { buildContactPoint, buildOptOut, buildWorkedCase, key, refusedAttempt } from './support/builders.ts';
import { callerFor } from './support/caller.ts';
import { createTestDatabase } from './support/db.ts';

/** TCPA consent and revocation, and the debtor's opt-outs by medium and by contact point. */
const NOW = new Date('2026-11-11T17:00:00Z'); // Wednesday, 12:00 in New York
const EARLIER = new Date('2026-11-02T15:00:00Z');

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

async function world() {
  const w = await buildWorkedCase(handle.db);
  return { ...w, caller: callerFor(handle.db, w.agent, { now: NOW }).caller };
}

const sms = (caseId: string, contactPointId: string) => ({
  caseId,
  contactPointId,
  channel: 'sms' as const,
  body: 'Please call us about your account. Reply STOP to opt out.',
  disclosures: ['mini_miranda_initial' as const, 'opt_out' as const],
  idempotencyKey: key(),
});

describe('TCPA', () => {
  it('refuses a text to a mobile that never consented (US-TCPA-CONSENT)', async () => {
    const { caller, caseRow, debtor } = await world();
    const mobile = await buildContactPoint(handle.db, debtor.id, { kind: 'mobile', consentSms: false });
    const { decision } = await refusedAttempt(
      handle.db,
      caller.contacts.sendMessage(sms(caseRow.id, mobile.id)),
    );
    expect(decision).toMatchObject({
      outcome: 'blocked',
      contactPointId: mobile.id,
      ruleIds: ['US-TCPA-CONSENT'],
    });
  });

  it('refuses a dialer call after consent was revoked, naming only the revocation (US-TCPA-REVOKE)', async () => {
    const { caller, caseRow, debtor } = await world();
    const mobile = await buildContactPoint(handle.db, debtor.id, {
      kind: 'mobile',
      consentRevokedAt: EARLIER,
    });
    const call = caller.contacts.logCall({
      idempotencyKey: key(),
      caseId: caseRow.id,
      contactPointId: mobile.id,
      kind: 'autodial_call',
      outcome: 'no_answer',
    });
    expect((await refusedAttempt(handle.db, call)).decision?.ruleIds).toEqual(['US-TCPA-REVOKE']);
  });
});

describe('opt-outs (US-REGF-MEDIUM)', () => {
  it('refuses an email after the debtor opted out of email', async () => {
    const { caller, caseRow, debtor } = await world();
    const email = await buildContactPoint(handle.db, debtor.id, { kind: 'email' });
    await buildOptOut(handle.db, debtor.id, { channel: 'email', at: EARLIER });
    const message = { ...sms(caseRow.id, email.id), channel: 'email' as const };
    expect((await refusedAttempt(handle.db, caller.contacts.sendMessage(message))).decision?.ruleIds).toEqual(
      ['US-REGF-MEDIUM'],
    );
  });

  it('refuses calls to an opted-out number and still allows the other one', async () => {
    const { caller, caseRow, debtor, mobile } = await world();
    const work = await buildContactPoint(handle.db, debtor.id, { kind: 'work_phone' });
    await buildOptOut(handle.db, debtor.id, { contactPointId: work.id, at: EARLIER });
    const call = (contactPointId: string) =>
      caller.contacts.logCall({
        idempotencyKey: key(),
        caseId: caseRow.id,
        contactPointId,
        kind: 'call',
        outcome: 'no_answer',
      });
    expect((await refusedAttempt(handle.db, call(work.id))).decision?.ruleIds).toEqual(['US-REGF-MEDIUM']);
    expect((await call(mobile.id)).outcome).toBe('allowed');
  });
});
