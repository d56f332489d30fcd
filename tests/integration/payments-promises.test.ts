import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/client.ts';
import { auditEvents, cases, paymentPlans, promises } from '../../server/src/db/schema/index.ts';
import { buildWorkedCase, key } from './support/builders.ts';
import { callerFor } from './support/caller.ts';
import { createTestDatabase } from './support/db.ts';

/** Promises and payment plans: what is recorded, what a new arrangement replaces, and what the list shows. */
const NOW = new Date('2026-11-11T17:00:00Z'); // 12:00 on Wednesday Nov 11 in New York

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

async function world(now = NOW) {
  const w = await buildWorkedCase(handle.db, { case: { principalMinor: 100_000, balanceMinor: 100_000 } });
  return { ...w, caller: callerFor(handle.db, w.agent, { now }).caller };
}

const auditActions = async (caseId: string) =>
  (
    await handle.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.caseId, caseId))
      .orderBy(asc(auditEvents.id))
  ).map((row) => row.action);

describe('payments.recordPromise', () => {
  it("records a promise due today on the debtor's calendar, audited, and bumps the case version", async () => {
    const { caller, caseRow, agent } = await world();
    const result = await caller.payments.recordPromise({
      idempotencyKey: key(),
      caseId: caseRow.id,
      amountMinor: 25_000,
      currency: 'USD',
      dueDate: '2026-11-11',
      expectedVersion: 1,
    });
    expect(result).toMatchObject({
      promise: { amountMinor: 25_000, currency: 'USD', dueDate: '2026-11-11', status: 'pending', plan: null },
      supersededPromiseIds: [],
      caseVersion: 2,
    });
    expect(result.promise).toMatchObject({ createdBy: agent.id, createdAt: NOW.toISOString() });
    expect(await auditActions(caseRow.id)).toEqual(['promise.record']);
  });

  it('takes a promise due today in New York late in the evening, when UTC is already on the next day', async () => {
    const evening = new Date('2026-11-12T03:30:00Z'); // 22:30 on Nov 11 in New York
    const { caller, caseRow } = await world(evening);
    const result = await caller.payments.recordPromise({
      idempotencyKey: key(),
      caseId: caseRow.id,
      amountMinor: 100,
      currency: 'USD',
      dueDate: '2026-11-11',
    });
    expect(result.promise.status).toBe('pending');
  });

  it('accepts a due date exactly 90 days out', async () => {
    const { caller, caseRow } = await world();
    const result = await caller.payments.recordPromise({
      idempotencyKey: key(),
      caseId: caseRow.id,
      amountMinor: 100_000,
      currency: 'USD',
      dueDate: '2027-02-09',
    });
    expect(result.promise.dueDate).toBe('2027-02-09');
  });

  it('supersedes the pending standalone promise: the old one is cancelled, one stays pending', async () => {
    const { caller, caseRow } = await world();
    const first = await caller.payments.recordPromise({
      idempotencyKey: key(),
      caseId: caseRow.id,
      amountMinor: 10_000,
      currency: 'USD',
      dueDate: '2026-11-13',
    });
    const second = await caller.payments.recordPromise({
      idempotencyKey: key(),
      caseId: caseRow.id,
      amountMinor: 15_000,
      currency: 'USD',
      dueDate: '2026-11-20',
      expectedVersion: first.caseVersion,
    });
    expect(second.supersededPromiseIds).toEqual([first.promise.id]);
    const rows = await handle.db
      .select({ id: promises.id, status: promises.status, resolvedAt: promises.resolvedAt })
      .from(promises)
      .where(eq(promises.caseId, caseRow.id));
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.id === first.promise.id)).toMatchObject({
      status: 'cancelled',
      resolvedAt: NOW,
    });
    expect(rows.find((r) => r.id === second.promise.id)?.status).toBe('pending');
    expect(await auditActions(caseRow.id)).toEqual(['promise.record', 'promise.cancelled', 'promise.record']);
  });

  it("lets the team's supervisor record a promise on the agent's case", async () => {
    const { caseRow, supervisor } = await world();
    const caller = callerFor(handle.db, supervisor, { now: NOW }).caller;
    const result = await caller.payments.recordPromise({
      idempotencyKey: key(),
      caseId: caseRow.id,
      amountMinor: 500,
      currency: 'USD',
      dueDate: '2026-11-30',
    });
    expect(result.promise.createdBy).toBe(supervisor.id);
  });
});

describe('payments.recordPlan', () => {
  it('splits the total into installments that sum exactly, the remainder cents on the last one', async () => {
    const { caller, caseRow } = await world();
    const result = await caller.payments.recordPlan({
      idempotencyKey: key(),
      caseId: caseRow.id,
      totalMinor: 10_000,
      currency: 'USD',
      installmentCount: 3,
      frequency: 'monthly',
      startDate: '2026-11-30',
      expectedVersion: 1,
    });
    expect(result.plan).toMatchObject({ totalMinor: 10_000, installmentCount: 3, status: 'active' });
    expect(result.installments.map((i) => [i.amountMinor, i.dueDate, i.plan?.installment])).toEqual([
      [3_333, '2026-11-30', 1],
      [3_333, '2026-12-30', 2],
      [3_334, '2027-01-30', 3],
    ]);
    expect(result.installments.every((i) => i.status === 'pending' && i.plan?.id === result.plan.id)).toBe(
      true,
    );
    expect(result.caseVersion).toBe(2);
    expect(await auditActions(caseRow.id)).toEqual(['payment_plan.record']);
  });

  it('spaces weekly and biweekly installments from the start date', async () => {
    const { caller, caseRow } = await world();
    const weekly = await caller.payments.recordPlan({
      idempotencyKey: key(),
      caseId: caseRow.id,
      totalMinor: 40_000,
      currency: 'USD',
      installmentCount: 4,
      frequency: 'biweekly',
      startDate: '2026-11-11',
    });
    expect(weekly.installments.map((i) => i.dueDate)).toEqual([
      '2026-11-11',
      '2026-11-25',
      '2026-12-09',
      '2026-12-23',
    ]);
  });

  it('replaces the active plan and the pending promise; installments already kept stay kept', async () => {
    const { caller, caseRow } = await world();
    const promise = await caller.payments.recordPromise({
      idempotencyKey: key(),
      caseId: caseRow.id,
      amountMinor: 5_000,
      currency: 'USD',
      dueDate: '2026-11-12',
    });
    const oldPlan = await caller.payments.recordPlan({
      idempotencyKey: key(),
      caseId: caseRow.id,
      totalMinor: 20_000,
      currency: 'USD',
      installmentCount: 2,
      frequency: 'weekly',
      startDate: '2026-11-14',
    });
    // The old plan replaced the promise; keep its first installment, then renegotiate.
    await handle.db
      .update(promises)
      .set({ status: 'kept' })
      .where(eq(promises.id, oldPlan.installments[0]!.id));
    const newPlan = await caller.payments.recordPlan({
      idempotencyKey: key(),
      caseId: caseRow.id,
      totalMinor: 30_000,
      currency: 'USD',
      installmentCount: 6,
      frequency: 'monthly',
      startDate: '2026-12-01',
    });
    expect(oldPlan.supersededPromiseIds).toEqual([promise.promise.id]);
    expect(newPlan.supersededPlanIds).toEqual([oldPlan.plan.id]);
    expect(newPlan.supersededPromiseIds).toEqual([oldPlan.installments[1]!.id]);
    const [oldRow] = await handle.db.select().from(paymentPlans).where(eq(paymentPlans.id, oldPlan.plan.id));
    expect(oldRow!.status).toBe('cancelled');
    const pending = await handle.db
      .select({ id: promises.id })
      .from(promises)
      .where(and(eq(promises.caseId, caseRow.id), eq(promises.status, 'pending')));
    expect(pending.map((p) => p.id).sort()).toEqual(newPlan.installments.map((i) => i.id).sort());
    const [kept] = await handle.db
      .select()
      .from(promises)
      .where(eq(promises.id, oldPlan.installments[0]!.id));
    expect(kept!.status).toBe('kept');
  });
});

describe('payments.list', () => {
  it("shows the case's promises with their plan, the plans and the payments", async () => {
    const { caller, caseRow } = await world();
    await caller.payments.recordPlan({
      idempotencyKey: key(),
      caseId: caseRow.id,
      totalMinor: 9_000,
      currency: 'USD',
      installmentCount: 2,
      frequency: 'weekly',
      startDate: '2026-11-18',
    });
    await caller.payments.recordPromise({
      idempotencyKey: key(),
      caseId: caseRow.id,
      amountMinor: 1_000,
      currency: 'USD',
      dueDate: '2026-11-12',
    });
    await caller.payments.recordPayment({
      caseId: caseRow.id,
      amountMinor: 1_000,
      currency: 'USD',
      method: 'card',
      receivedAt: '2026-11-11T16:59:00Z',
      idempotencyKey: `list-${caseRow.id}`,
    });
    const list = await caller.payments.list({ caseId: caseRow.id });
    expect(list.currency).toBe('USD');
    expect(list.plans).toHaveLength(1);
    expect(list.payments.map((p) => p.amountMinor)).toEqual([1_000]);
    const installments = list.promises.filter((p) => p.plan !== null);
    expect(installments.map((p) => [p.plan?.installment, p.plan?.installmentCount, p.amountMinor])).toEqual([
      [1, 2, 4_500],
      [2, 2, 4_500],
    ]);
    // The payment was received a minute before the promise was made, so it does not keep it.
    expect(list.promises.find((p) => p.plan === null)?.status).toBe('pending');
    const [row] = await handle.db
      .select({ version: cases.version })
      .from(cases)
      .where(eq(cases.id, caseRow.id));
    expect(row!.version).toBe(4);
  });
});
