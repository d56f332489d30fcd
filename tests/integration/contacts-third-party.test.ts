import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/client.ts';
import { contactLog } from '../../server/src/db/schema/index.ts';
import {
  buildContact,
  buildDebtor,
  buildThirdParty,
  buildWorkedCase,
  key,
  refusedAttempt,
} from './support/builders.ts';
import { callerFor } from './support/caller.ts';
import { createTestDatabase } from './support/db.ts';

/** Third-party contacts: who the person is comes from the third_parties row, reachability from the history. */
const NOW = new Date('2026-11-11T17:00:00Z'); // 12:00 in New York
const NOW_IN_CHINA = new Date('2026-11-11T03:00:00Z'); // 11:00 in Shanghai

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

async function world(options: Parameters<typeof buildWorkedCase>[1] = {}, now = NOW) {
  const w = await buildWorkedCase(handle.db, options);
  return { ...w, caller: callerFor(handle.db, w.agent, { now }).caller };
}

const china = {
  debtor: { jurisdictionCountry: 'CN', jurisdictionRegion: null, explicitTimeZone: 'Asia/Shanghai' },
  portfolio: { country: 'CN', region: null, currency: 'CNY' },
};

describe('United States', () => {
  it('refuses telling a neighbor about the debt (US-FDCPA-3P)', async () => {
    const { caller, caseRow, debtor } = await world();
    const neighbor = await buildThirdParty(handle.db, debtor.id);
    const attempt = caller.contacts.contactThirdParty({
      idempotencyKey: key(),
      caseId: caseRow.id,
      thirdPartyId: neighbor.id,
      purpose: 'collection',
    });
    expect((await refusedAttempt(handle.db, attempt)).decision).toMatchObject({
      actionKind: 'third_party_contact',
      ruleIds: ['US-FDCPA-3P'],
    });
  });

  it('allows one location contact per third party and refuses the second (US-REGF-LOC)', async () => {
    const { caller, caseRow, debtor } = await world();
    const neighbor = await buildThirdParty(handle.db, debtor.id);
    const ask = () =>
      caller.contacts.contactThirdParty({
        idempotencyKey: key(),
        caseId: caseRow.id,
        thirdPartyId: neighbor.id,
        purpose: 'location',
        notes: 'Asked for a phone number',
      });
    const first = await ask();
    const [row] = await handle.db.select().from(contactLog).where(eq(contactLog.id, first.contactId));
    expect(row).toMatchObject({
      kind: 'third_party_contact',
      thirdPartyId: neighbor.id,
      outcome: 'third_party',
    });
    expect(row?.details).toMatchObject({ purpose: 'location', relationship: 'neighbor' });
    expect((await refusedAttempt(handle.db, ask())).decision?.ruleIds).toEqual(['US-REGF-LOC']);
  });

  it("answers NOT_FOUND for another debtor's third party and writes nothing", async () => {
    const { caller, caseRow } = await world();
    const stranger = await buildThirdParty(handle.db, (await buildDebtor(handle.db)).id);
    const attempt = caller.contacts.contactThirdParty({
      idempotencyKey: key(),
      caseId: caseRow.id,
      thirdPartyId: stranger.id,
      purpose: 'location',
    });
    await expect(attempt).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const [rows] = await handle.db
      .select({ n: count() })
      .from(contactLog)
      .where(eq(contactLog.caseId, caseRow.id));
    expect(rows!.n).toBe(0);
  });
});

describe('China (CN-NIFA-3P)', () => {
  it('refuses a relative the debtor did not agree to', async () => {
    const { caller, caseRow, debtor } = await world(china, NOW_IN_CHINA);
    const relative = await buildThirdParty(handle.db, debtor.id, { relationship: 'relative' });
    const attempt = caller.contacts.contactThirdParty({
      idempotencyKey: key(),
      caseId: caseRow.id,
      thirdPartyId: relative.id,
      purpose: 'location',
    });
    expect((await refusedAttempt(handle.db, attempt)).decision?.ruleIds).toEqual(['CN-NIFA-3P']);
  });

  it('allows an agreed contact only while the debtor has not been reached for 30 days', async () => {
    const { caller, caseRow, debtor, mobile } = await world(china, NOW_IN_CHINA);
    const relative = await buildThirdParty(handle.db, debtor.id, {
      relationship: 'relative',
      debtorAgreed: true,
    });
    const ask = () =>
      caller.contacts.contactThirdParty({
        idempotencyKey: key(),
        caseId: caseRow.id,
        thirdPartyId: relative.id,
        purpose: 'location',
      });
    await buildContact(handle.db, caseRow, {
      occurredAt: new Date('2026-10-01T03:00:00Z'),
      contactPointId: mobile.id,
      outcome: 'conversation',
    });
    expect((await ask()).outcome).toBe('allowed');
    await buildContact(handle.db, caseRow, {
      occurredAt: new Date('2026-11-01T03:00:00Z'),
      contactPointId: mobile.id,
      outcome: 'conversation',
    });
    const { decision } = await refusedAttempt(handle.db, ask());
    expect(decision?.ruleIds).toEqual(['CN-NIFA-3P']);
    expect(decision?.facts).toMatchObject({
      action: { thirdParty: { debtorAgreed: true, debtorUnreachable: false } },
    });
    const [rows] = await handle.db
      .select({ n: count() })
      .from(contactLog)
      .where(and(eq(contactLog.caseId, caseRow.id), eq(contactLog.kind, 'third_party_contact')));
    expect(rows!.n).toBe(1);
  });
});
