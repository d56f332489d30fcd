import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/client.ts';
import { cases, disputes } from '../../server/src/db/schema/index.ts';
import {
  buildAgency,
  buildContactPoint,
  buildDispute,
  buildEscalation,
  buildThirdParty,
  buildWorkedCase,
  key,
  refusedAttempt,
} from './support/builders.ts';
import { callerFor } from './support/caller.ts';
import { createTestDatabase } from './support/db.ts';

/** States of the debtor or the debt that stop collection, each refused through an action procedure. */
const NOW = new Date('2026-11-11T17:00:00Z'); // Wednesday, 12:00 in New York
const EARLIER = new Date('2026-11-02T15:00:00Z');

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

async function world(options: Parameters<typeof buildWorkedCase>[1] = {}) {
  const w = await buildWorkedCase(handle.db, options);
  const home = await buildContactPoint(handle.db, w.debtor.id, { kind: 'home_address' });
  return { ...w, home, caller: callerFor(handle.db, w.agent, { now: NOW }).caller };
}

const letter = (
  caseId: string,
  purpose: 'collection' | 'validation_notice' | 'cease_ack' = 'collection',
) => ({
  caseId,
  channel: 'letter' as const,
  purpose,
  body: 'This is an attempt to collect a debt; any information obtained will be used for that purpose.',
  disclosures: ['mini_miranda_initial' as const],
  idempotencyKey: key(),
});

describe('dispute (US-FDCPA-DISPUTE)', () => {
  it('pauses collection letters until the validation notice goes out, which closes the dispute', async () => {
    const { caller, caseRow } = await world();
    const dispute = await buildDispute(handle.db, caseRow.id, { receivedAt: EARLIER });
    const { decision } = await refusedAttempt(handle.db, caller.contacts.sendMessage(letter(caseRow.id)));
    expect(decision).toMatchObject({
      outcome: 'blocked',
      actionKind: 'letter',
      ruleIds: ['US-FDCPA-DISPUTE'],
    });

    const sent = await caller.contacts.sendMessage(letter(caseRow.id, 'validation_notice'));
    expect(sent.outcome).toBe('allowed');
    const [closed] = await handle.db.select().from(disputes).where(eq(disputes.id, dispute.id));
    expect(closed!.verificationSentAt).toEqual(NOW);
    const [updated] = await handle.db.select().from(cases).where(eq(cases.id, caseRow.id));
    expect(updated).toMatchObject({ validationNoticeSentAt: NOW, initialCommunicationAt: NOW });

    const later = { ...letter(caseRow.id), idempotencyKey: key(), disclosures: ['mini_miranda' as const] };
    expect((await caller.contacts.sendMessage(later)).outcome).toBe('allowed');
  });
});

describe('cease (US-FDCPA-CEASE)', () => {
  it('refuses a text after a cease request but lets the letter acknowledging it go out', async () => {
    const { caller, caseRow, mobile } = await world({ debtor: { ceaseRequestedAt: EARLIER } });
    const text = {
      caseId: caseRow.id,
      contactPointId: mobile.id,
      channel: 'sms' as const,
      body: 'Call us. STOP to opt out.',
      disclosures: ['mini_miranda_initial' as const, 'opt_out' as const],
      idempotencyKey: key(),
    };
    const { decision } = await refusedAttempt(handle.db, caller.contacts.sendMessage(text));
    expect(decision?.ruleIds).toEqual(['US-FDCPA-CEASE']);
    expect((await caller.contacts.sendMessage(letter(caseRow.id, 'cease_ack'))).outcome).toBe('allowed');
  });
});

describe('attorney (US-FDCPA-ATTY)', () => {
  it('refuses calling a represented debtor and allows contacting the attorney', async () => {
    const { caller, caseRow, mobile, debtor } = await world({
      debtor: { attorneyName: 'R. Counsel', attorneySince: EARLIER },
    });
    const call = caller.contacts.logCall({
      idempotencyKey: key(),
      caseId: caseRow.id,
      contactPointId: mobile.id,
      kind: 'call',
      outcome: 'no_answer',
    });
    expect((await refusedAttempt(handle.db, call)).decision?.ruleIds).toEqual(['US-FDCPA-ATTY']);
    const attorney = await buildThirdParty(handle.db, debtor.id, { relationship: 'attorney' });
    const result = await caller.contacts.contactThirdParty({
      idempotencyKey: key(),
      caseId: caseRow.id,
      thirdPartyId: attorney.id,
      purpose: 'collection',
    });
    expect(result.outcome).toBe('allowed');
  });
});

describe('deceased (US-REGF-DECEASED)', () => {
  it("refuses calling a deceased debtor's number and allows reaching the executor", async () => {
    const { caller, caseRow, mobile, debtor } = await world({ debtor: { deceasedAt: EARLIER } });
    const call = caller.contacts.logCall({
      idempotencyKey: key(),
      caseId: caseRow.id,
      contactPointId: mobile.id,
      kind: 'call',
      outcome: 'no_answer',
    });
    expect((await refusedAttempt(handle.db, call)).decision?.ruleIds).toEqual(['US-REGF-DECEASED']);
    const executor = await buildThirdParty(handle.db, debtor.id, { relationship: 'executor' });
    const result = await caller.contacts.contactThirdParty({
      idempotencyKey: key(),
      caseId: caseRow.id,
      thirdPartyId: executor.id,
      purpose: 'collection',
    });
    expect(result.outcome).toBe('allowed');
  });
});

describe('bankruptcy (US-BK-STAY)', () => {
  it('refuses an approved agency placement while a petition is on file', async () => {
    const { caller, caseRow, agent, supervisor } = await world({ debtor: { bankruptcyFiledAt: EARLIER } });
    await buildEscalation(handle.db, {
      caseId: caseRow.id,
      kind: 'agency_placement',
      requestedBy: agent.id,
      status: 'approved',
      decidedBy: supervisor.id,
    });
    const agency = await buildAgency(handle.db);
    const placing = caller.escalations.placeWithAgency({
      idempotencyKey: key(),
      caseId: caseRow.id,
      agencyId: agency.id,
    });
    expect((await refusedAttempt(handle.db, placing)).decision?.ruleIds).toEqual(['US-BK-STAY']);
  });
});

describe('agency policy on the case', () => {
  it('refuses a call on a case on hold (POL-HOLD)', async () => {
    const { caller, caseRow, mobile } = await world({
      case: { holdUntil: new Date('2026-11-20T00:00:00Z'), holdReason: 'complaint' },
    });
    const call = caller.contacts.logCall({
      idempotencyKey: key(),
      caseId: caseRow.id,
      contactPointId: mobile.id,
      kind: 'call',
      outcome: 'no_answer',
    });
    expect((await refusedAttempt(handle.db, call)).decision?.ruleIds).toEqual(['POL-HOLD']);
  });

  it('refuses an approved legal filing on a paid case (POL-CLOSED)', async () => {
    const { caller, caseRow, agent, supervisor } = await world({ case: { status: 'paid' } });
    await buildEscalation(handle.db, {
      caseId: caseRow.id,
      kind: 'legal_filing',
      requestedBy: agent.id,
      status: 'approved',
      decidedBy: supervisor.id,
    });
    const filing = caller.escalations.fileLegalAction({
      idempotencyKey: key(),
      caseId: caseRow.id,
      court: 'Springfield District Court',
      claimMinor: 50_000,
    });
    expect((await refusedAttempt(handle.db, filing)).decision?.ruleIds).toEqual(['POL-CLOSED']);
  });

  it('refuses suing on a time-barred debt (US-REGF-TBD)', async () => {
    const { caller, caseRow, agent, supervisor } = await world({ case: { limitationsExpiresAt: EARLIER } });
    await buildEscalation(handle.db, {
      caseId: caseRow.id,
      kind: 'legal_filing',
      requestedBy: agent.id,
      status: 'approved',
      decidedBy: supervisor.id,
    });
    const filing = caller.escalations.fileLegalAction({
      idempotencyKey: key(),
      caseId: caseRow.id,
      court: 'Springfield District Court',
      claimMinor: 50_000,
    });
    expect((await refusedAttempt(handle.db, filing)).decision?.ruleIds).toEqual(['US-REGF-TBD']);
  });
});
