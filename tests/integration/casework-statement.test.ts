import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/client.ts';
import { agencyPlacements, cases, contactLog, disputes } from '../../server/src/db/schema/index.ts';
import {
  buildAgency,
  buildContactPoint,
  buildDispute,
  buildPayment,
  buildUser,
  buildWorkedCase,
  key,
  refusedAttempt,
} from './support/builders.ts';
import { callerFor } from './support/caller.ts';
import { createTestDatabase } from './support/db.ts';

/** The statement of the debt: from the ledger, reconciling with every payment; sent through the guard. */
const NOW = new Date('2026-11-11T17:00:00Z');
const EARLIER = new Date('2026-11-02T15:00:00Z');

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

/** 1,000.00 principal, 50.00 interest, 25.00 fees; 100.00 then 200.00 paid, fees first, then interest. */
async function world(options: Parameters<typeof buildWorkedCase>[1] = {}) {
  const db = handle.db;
  const w = await buildWorkedCase(db, {
    ...options,
    case: {
      interestMinor: 5_000,
      feesMinor: 2_500,
      paidMinor: 30_000,
      balanceMinor: 77_500,
      ...options.case,
    },
  });
  await buildPayment(db, w.caseRow.id, {
    amountMinor: 10_000,
    receivedAt: new Date('2026-10-05T12:00:00Z'),
    allocatedFeesMinor: 2_500,
    allocatedInterestMinor: 5_000,
    allocatedPrincipalMinor: 2_500,
  });
  await buildPayment(db, w.caseRow.id, { amountMinor: 20_000, receivedAt: new Date('2026-10-20T12:00:00Z') });
  const home = await buildContactPoint(db, w.debtor.id, { kind: 'home_address' });
  const email = await buildContactPoint(db, w.debtor.id, { kind: 'email' });
  return { ...w, home, email, caller: callerFor(db, w.agent, { now: NOW }).caller };
}

describe('casework.statement', () => {
  it('lists every payment with its allocation and reconciles charges, payments and balance', async () => {
    const { caller, caseRow, portfolio } = await world();
    const statement = await caller.casework.statement({ caseId: caseRow.id });
    expect(statement).toMatchObject({
      accountRef: caseRow.accountRef,
      portfolioName: portfolio.name,
      currency: 'USD',
      originalPrincipalMinor: 100_000,
      principal: { chargedMinor: 100_000, paidMinor: 22_500, owedMinor: 77_500 },
      interest: { chargedMinor: 5_000, paidMinor: 5_000, owedMinor: 0 },
      fees: { chargedMinor: 2_500, paidMinor: 2_500, owedMinor: 0 },
      totalChargedMinor: 107_500,
      totalPaidMinor: 30_000,
      balanceMinor: 77_500,
      collection: { status: 'active', stage: 'reminder', agency: null },
    });
    expect(statement.payments.map((p) => [p.receivedAt.slice(0, 10), p.amountMinor])).toEqual([
      ['2026-10-05', 10_000],
      ['2026-10-20', 20_000],
    ]);
    const paid = statement.payments.reduce((sum, p) => sum + p.amountMinor, 0);
    const allocated = statement.payments.reduce(
      (sum, p) => sum + p.allocation.feesMinor + p.allocation.interestMinor + p.allocation.principalMinor,
      0,
    );
    expect([paid, allocated]).toEqual([statement.totalPaidMinor, statement.totalPaidMinor]);
    const owed = statement.principal.owedMinor + statement.interest.owedMinor + statement.fees.owedMinor;
    expect(owed).toBe(statement.balanceMinor);
    expect(statement.balanceMinor).toBe(caseRow.balanceMinor);
  });

  it('reconciles with payments recorded through payments.recordPayment and with the case balance', async () => {
    const db = handle.db;
    const w = await buildWorkedCase(db, {
      case: { interestMinor: 5_000, feesMinor: 2_500, balanceMinor: 107_500 },
    });
    const caller = callerFor(db, w.agent, { now: NOW }).caller;
    for (const [n, amountMinor] of [4_000, 6_000, 12_345].entries()) {
      await caller.payments.recordPayment({
        caseId: w.caseRow.id,
        amountMinor,
        currency: 'USD',
        method: 'card',
        receivedAt: new Date(Date.UTC(2026, 10, 1 + n, 15)).toISOString(),
        idempotencyKey: `statement-${w.caseRow.id}-${n}`,
      });
    }
    const statement = await caller.casework.statement({ caseId: w.caseRow.id });
    const detail = await caller.casework.get({ caseId: w.caseRow.id });
    expect(statement.payments.map((p) => p.amountMinor)).toEqual([4_000, 6_000, 12_345]);
    expect(statement).toMatchObject({
      totalPaidMinor: 22_345,
      fees: { paidMinor: 2_500, owedMinor: 0 },
      interest: { paidMinor: 5_000, owedMinor: 0 },
      principal: { paidMinor: 14_845, owedMinor: 85_155 },
      balanceMinor: 85_155,
    });
    expect([detail.case.paidMinor, detail.case.balanceMinor]).toEqual([22_345, statement.balanceMinor]);
  });

  it('counts a reversal against what was paid and names the agency the case is placed with', async () => {
    const { caller, caseRow, agent } = await world();
    const [second] = (await caller.casework.statement({ caseId: caseRow.id })).payments.slice(-1);
    await buildPayment(handle.db, caseRow.id, {
      amountMinor: -20_000,
      allocatedPrincipalMinor: -20_000,
      reversesId: Number(second!.id),
      receivedAt: new Date('2026-10-22T12:00:00Z'),
    });
    const agency = await buildAgency(handle.db, { name: 'Acme Recoveries' });
    await handle.db.insert(agencyPlacements).values({
      caseId: caseRow.id,
      agencyId: agency.id,
      balanceAtPlacementMinor: 97_500,
      currency: 'USD',
      commissionBps: 2500,
      placedBy: agent.id,
      placedAt: EARLIER,
    });
    await handle.db.update(cases).set({ stage: 'agency' }).where(eq(cases.id, caseRow.id));
    const statement = await caller.casework.statement({ caseId: caseRow.id });
    expect(statement.payments.at(-1)).toMatchObject({ amountMinor: -20_000, reversesId: second!.id });
    expect(statement).toMatchObject({
      totalPaidMinor: 10_000,
      balanceMinor: 97_500,
      principal: { paidMinor: 2_500, owedMinor: 97_500 },
      collection: { stage: 'agency', agency: { name: 'Acme Recoveries', placedAt: EARLIER.toISOString() } },
    });
  });

  it('is readable by a manager and NOT_FOUND to an agent of another team', async () => {
    const { caseRow } = await world();
    const manager = await buildUser(handle.db, 'manager');
    const read = await callerFor(handle.db, manager, { now: NOW }).caller.casework.statement({
      caseId: caseRow.id,
    });
    expect(read.balanceMinor).toBe(77_500);
    const stranger = await buildUser(handle.db, 'agent');
    await expect(
      callerFor(handle.db, stranger, { now: NOW }).caller.casework.statement({ caseId: caseRow.id }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('casework.sendStatement', () => {
  it('goes out during a dispute as a debt_statement letter and is the verification that ends it', async () => {
    const { caller, caseRow, home, mobile } = await world();
    const dispute = await buildDispute(handle.db, caseRow.id, { receivedAt: EARLIER });
    const before = await caller.compliance.check({ caseId: caseRow.id });
    expect(before.actions.find((a) => a.kind === 'sms')?.verdict.violations.map((v) => v.ruleId)).toEqual([
      'US-FDCPA-DISPUTE',
    ]);
    const sent = await caller.casework.sendStatement({
      idempotencyKey: key(),
      caseId: caseRow.id,
      channel: 'letter',
      contactPointId: home.id,
    });
    expect(sent.outcome).toBe('allowed');
    const [row] = await handle.db.select().from(contactLog).where(eq(contactLog.id, sent.contactId));
    expect(row).toMatchObject({
      kind: 'letter',
      purpose: 'debt_statement',
      contactPointId: home.id,
      outcome: 'sent',
    });
    expect(row!.body).toContain('Balance owed: $775.00');
    expect(row!.body).toContain('attempt to collect a debt');
    const [verified] = await handle.db.select().from(disputes).where(eq(disputes.id, dispute.id));
    expect(verified!.verificationSentAt).toEqual(NOW);
    const after = await caller.compliance.check({ caseId: caseRow.id });
    const sms = after.actions.find((a) => a.kind === 'sms' && a.contactPointId === mobile.id);
    expect(sms?.verdict.allowed).toBe(true);
  });

  it('sends by email with the opt-out instruction, to a point of this debtor only', async () => {
    const { caller, caseRow, email } = await world();
    const other = await world();
    await expect(
      caller.casework.sendStatement({
        idempotencyKey: key(),
        caseId: caseRow.id,
        channel: 'email',
        contactPointId: other.email.id,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      caller.casework.sendStatement({ idempotencyKey: key(), caseId: caseRow.id, channel: 'email' }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('contactPointId'),
    });
    const sent = await caller.casework.sendStatement({
      idempotencyKey: key(),
      caseId: caseRow.id,
      channel: 'email',
      contactPointId: email.id,
    });
    const [row] = await handle.db.select().from(contactLog).where(eq(contactLog.id, sent.contactId));
    expect(row!.disclosures).toEqual(['mini_miranda_initial', 'opt_out']);
    expect(row!.body).toContain('reply STOP');
  });

  it('gives a US debtor who prefers Chinese the English statement with the Chinese one after it', async () => {
    const { caller, caseRow, home } = await world({ debtor: { language: 'zh' } });
    const sent = await caller.casework.sendStatement({
      idempotencyKey: key(),
      caseId: caseRow.id,
      channel: 'letter',
      contactPointId: home.id,
    });
    const [row] = await handle.db.select().from(contactLog).where(eq(contactLog.id, sent.contactId));
    const english = row!.body!.indexOf('Balance owed: $775.00');
    const chinese = row!.body!.indexOf('尚欠余额：US$775.00');
    expect(english).toBeGreaterThanOrEqual(0);
    expect(chinese).toBeGreaterThan(english);
    expect(row!.body).toContain('attempt to collect a debt');
  });

  it('is refused by the guard after a cease request, and the refusal is kept', async () => {
    const { caller, caseRow } = await world({ debtor: { ceaseRequestedAt: EARLIER } });
    const { error, decision } = await refusedAttempt(
      handle.db,
      caller.casework.sendStatement({ idempotencyKey: key(), caseId: caseRow.id, channel: 'letter' }),
    );
    expect(error.code).toBe('UNPROCESSABLE_CONTENT');
    expect(decision).toMatchObject({ outcome: 'blocked', actionKind: 'letter', ruleIds: ['US-FDCPA-CEASE'] });
  });

  it('refuses a stale version and sends nothing', async () => {
    const { caller, caseRow } = await world();
    await caller.casework.addNote({ idempotencyKey: key(), caseId: caseRow.id, body: 'Payment promised' });
    await expect(
      caller.casework.sendStatement({
        idempotencyKey: key(),
        caseId: caseRow.id,
        channel: 'letter',
        expectedVersion: caseRow.version,
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const sent = await handle.db
      .select()
      .from(contactLog)
      .where(and(eq(contactLog.caseId, caseRow.id), eq(contactLog.purpose, 'debt_statement')));
    expect(sent).toHaveLength(0);
  });
});
