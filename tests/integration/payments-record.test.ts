import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/client.ts';
import { auditEvents, cases, paymentPlans, payments, promises } from '../../server/src/db/schema/index.ts';
import { buildPayment, buildPlan, buildPromise, buildWorkedCase } from './support/builders.ts';
import { callerFor } from './support/caller.ts';
import { createTestDatabase } from './support/db.ts';

/** Recording payments: allocation, the case's money, closing a paid case, and the promises a payment keeps. */
const NOW = new Date('2026-11-11T17:00:00Z'); // 12:00 on Nov 11 in New York
const EARLIER = new Date('2026-11-02T15:00:00Z');

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

/** $1,051.50 owed: $39.00 fees, $12.50 interest, $1,000.00 principal. */
async function world() {
  const w = await buildWorkedCase(handle.db, {
    case: { principalMinor: 100_000, interestMinor: 1_250, feesMinor: 3_900, balanceMinor: 105_150 },
  });
  return { ...w, caller: callerFor(handle.db, w.agent, { now: NOW }).caller };
}

let keys = 0;
const payment = (caseId: string, amountMinor: number, receivedAt = '2026-11-11T16:30:00Z') => ({
  caseId,
  amountMinor,
  currency: 'USD',
  method: 'card' as const,
  receivedAt,
  idempotencyKey: `record-test-${++keys}-${caseId}`,
});

const statuses = async (ids: string[]) => {
  const rows = await handle.db.select({ id: promises.id, status: promises.status }).from(promises);
  return ids.map((id) => rows.find((r) => r.id === id)?.status);
};

describe('allocation and the case balance', () => {
  it('pays fees, then interest, then principal, and moves paid and owed but not what was charged', async () => {
    const { caller, caseRow, agent } = await world();
    const first = await caller.payments.recordPayment({ ...payment(caseRow.id, 5_000), expectedVersion: 1 });
    expect(first.payment.allocation).toEqual({ feesMinor: 3_900, interestMinor: 1_100, principalMinor: 0 });
    expect(first).toMatchObject({ replayed: false, keptPromiseIds: [] });
    expect(first.case).toEqual({
      currency: 'USD',
      principalMinor: 100_000,
      interestMinor: 1_250,
      feesMinor: 3_900,
      paidMinor: 5_000,
      balanceMinor: 100_150,
      status: 'active',
      version: 2,
    });
    const second = await caller.payments.recordPayment(payment(caseRow.id, 200));
    expect(second.payment.allocation).toEqual({ feesMinor: 0, interestMinor: 150, principalMinor: 50 });
    expect(second.case).toMatchObject({ paidMinor: 5_200, balanceMinor: 99_950, version: 3 });
    const [row] = await handle.db.select().from(payments).where(eq(payments.id, second.payment.id));
    expect(row).toMatchObject({
      allocatedFeesMinor: 0,
      allocatedInterestMinor: 150,
      allocatedPrincipalMinor: 50,
      recordedBy: agent.id,
      recordedAt: NOW,
      receivedAt: new Date('2026-11-11T16:30:00Z'),
    });
    const audits = await handle.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.caseId, caseRow.id))
      .orderBy(asc(auditEvents.id));
    expect(audits.map((a) => a.action)).toEqual(['payment.record', 'payment.record']);
    expect(audits[1]).toMatchObject({
      actorId: agent.id,
      entityId: String(second.payment.id),
      before: { balanceMinor: 100_150, paidMinor: 5_000, status: 'active' },
    });
  });

  it('closes the case as paid with exactly the balance, and cancels what is still pending', async () => {
    const { caller, caseRow } = await world();
    const later = await buildPromise(handle.db, caseRow.id, {
      amountMinor: 1_000,
      dueDate: '2026-11-20',
      createdAt: new Date('2026-11-11T16:45:00Z'), // after the money was received: not kept by it
    });
    const result = await caller.payments.recordPayment(payment(caseRow.id, 105_150));
    expect(result.payment.allocation).toEqual({
      feesMinor: 3_900,
      interestMinor: 1_250,
      principalMinor: 100_000,
    });
    expect(result.case).toMatchObject({ balanceMinor: 0, paidMinor: 105_150, status: 'paid' });
    const [row] = await handle.db.select().from(cases).where(eq(cases.id, caseRow.id));
    expect(row).toMatchObject({ status: 'paid', closedAt: NOW, balanceMinor: 0 });
    expect(await statuses([later.id])).toEqual(['cancelled']);
  });

  it('continues the allocation from payments already on file', async () => {
    const { caller, caseRow } = await world();
    await buildPayment(handle.db, caseRow.id, {
      amountMinor: 4_500,
      receivedAt: EARLIER,
      allocatedFeesMinor: 3_900,
      allocatedInterestMinor: 600,
      allocatedPrincipalMinor: 0,
    });
    await handle.db
      .update(cases)
      .set({ paidMinor: 4_500, balanceMinor: 100_650 })
      .where(eq(cases.id, caseRow.id));
    const result = await caller.payments.recordPayment(payment(caseRow.id, 1_000));
    expect(result.payment.allocation).toEqual({ feesMinor: 0, interestMinor: 650, principalMinor: 350 });
  });
});

describe('promises a payment keeps', () => {
  it('keeps a promise covered by payments in its window, in the same transaction', async () => {
    const { caller, caseRow } = await world();
    const promise = await buildPromise(handle.db, caseRow.id, {
      amountMinor: 10_000,
      dueDate: '2026-11-13',
      createdAt: EARLIER,
    });
    const partial = await caller.payments.recordPayment(payment(caseRow.id, 6_000));
    expect(partial.keptPromiseIds).toEqual([]);
    expect(await statuses([promise.id])).toEqual(['pending']);
    const rest = await caller.payments.recordPayment(payment(caseRow.id, 4_000));
    expect(rest.keptPromiseIds).toEqual([promise.id]);
    const [row] = await handle.db.select().from(promises).where(eq(promises.id, promise.id));
    expect(row).toMatchObject({ status: 'kept', resolvedAt: NOW });
    const actions = await handle.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.entityId, promise.id));
    expect(actions.map((a) => a.action)).toEqual(['promise.kept']);
  });

  it('does not count money received before the promise was made', async () => {
    const { caller, caseRow } = await world();
    const promise = await buildPromise(handle.db, caseRow.id, {
      amountMinor: 1_000,
      dueDate: '2026-11-13',
      createdAt: new Date('2026-11-11T16:00:00Z'),
    });
    const result = await caller.payments.recordPayment(payment(caseRow.id, 5_000, '2026-11-11T15:59:59Z'));
    expect(result.keptPromiseIds).toEqual([]);
    expect(await statuses([promise.id])).toEqual(['pending']);
  });

  it('keeps installments in order and completes the plan when the last one is kept', async () => {
    const { caller, caseRow } = await world();
    const plan = await buildPlan(handle.db, caseRow.id, {
      totalMinor: 10_000,
      installmentCount: 2,
      startDate: '2026-11-12',
      createdAt: EARLIER,
    });
    const [first, second] = await Promise.all(
      ['2026-11-12', '2026-11-19'].map((dueDate) =>
        buildPromise(handle.db, caseRow.id, {
          amountMinor: 5_000,
          dueDate,
          createdAt: EARLIER,
          paymentPlanId: plan.id,
        }),
      ),
    );
    const one = await caller.payments.recordPayment(payment(caseRow.id, 7_000));
    expect(one.keptPromiseIds).toEqual([first!.id]);
    const two = await caller.payments.recordPayment(payment(caseRow.id, 3_000));
    expect(two.keptPromiseIds).toEqual([second!.id]);
    const [row] = await handle.db.select().from(paymentPlans).where(eq(paymentPlans.id, plan.id));
    expect(row!.status).toBe('completed');
  });

  it('corrects a broken promise to kept when a late-recorded payment was received on its due date', async () => {
    const { caller, caseRow } = await world();
    const plan = await buildPlan(handle.db, caseRow.id, {
      totalMinor: 10_000,
      installmentCount: 2,
      startDate: '2026-11-10',
      createdAt: EARLIER,
      status: 'broken',
    });
    const [due10, due17] = await Promise.all([
      buildPromise(handle.db, caseRow.id, {
        amountMinor: 5_000,
        dueDate: '2026-11-10',
        createdAt: EARLIER,
        paymentPlanId: plan.id,
        status: 'broken',
      }),
      buildPromise(handle.db, caseRow.id, {
        amountMinor: 5_000,
        dueDate: '2026-11-17',
        createdAt: EARLIER,
        paymentPlanId: plan.id,
      }),
    ]);
    // 23:30 on Nov 10 in New York: in time, though recorded the next day after the nightly roll.
    const result = await caller.payments.recordPayment(payment(caseRow.id, 5_000, '2026-11-11T04:30:00Z'));
    expect(result.keptPromiseIds).toEqual([due10!.id]);
    expect(await statuses([due10!.id, due17!.id])).toEqual(['kept', 'pending']);
    const [row] = await handle.db.select().from(paymentPlans).where(eq(paymentPlans.id, plan.id));
    expect(row!.status).toBe('active');
  });
});
