import { asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/client.ts';
import { auditEvents, cases, paymentPlans, promises } from '../../server/src/db/schema/index.ts';
import { settlePromises } from '../../server/src/modules/payments/settlement.service.ts';
import { buildPayment, buildPlan, buildPromise, buildWorkedCase } from './support/builders.ts';
import { createTestDatabase } from './support/db.ts';

/** The nightly roll's half of kept/broken: overdue unpaid promises break, on each debtor's own calendar. */
const MADE = new Date('2026-11-02T15:00:00Z');

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

const settle = (options: { caseId?: string; now: Date }) =>
  handle.db.transaction((tx) => settlePromises(tx, options));

const promiseOn = (caseId: string, dueDate: string, extra: Partial<typeof promises.$inferInsert> = {}) =>
  buildPromise(handle.db, caseId, { amountMinor: 5_000, dueDate, createdAt: MADE, ...extra });

async function statusOf(ids: string[]) {
  const rows = await handle.db.select().from(promises).where(inArray(promises.id, ids));
  return ids.map((id) => rows.find((r) => r.id === id)?.status);
}

const versionOf = async (caseId: string) =>
  (await handle.db.select({ v: cases.version }).from(cases).where(eq(cases.id, caseId)))[0]!.v;

describe('settlePromises', () => {
  it('breaks a promise unpaid past its due date and leaves one due today pending; audited, version bumped', async () => {
    const { caseRow } = await buildWorkedCase(handle.db);
    const overdue = await promiseOn(caseRow.id, '2026-11-10');
    const today = await promiseOn(caseRow.id, '2026-11-11');
    const now = new Date('2026-11-11T17:00:00Z');
    const result = await settle({ caseId: caseRow.id, now });
    expect(result).toEqual({ kept: [], broken: [overdue.id] });
    expect(await statusOf([overdue.id, today.id])).toEqual(['broken', 'pending']);
    const [row] = await handle.db.select().from(promises).where(eq(promises.id, overdue.id));
    expect(row!.resolvedAt).toEqual(now);
    const audits = await handle.db.select().from(auditEvents).where(eq(auditEvents.entityId, overdue.id));
    expect(audits).toMatchObject([
      { action: 'promise.broken', actorId: null, before: { status: 'pending' }, after: { status: 'broken' } },
    ]);
    expect(await versionOf(caseRow.id)).toBe(2);
    expect(await settle({ caseId: caseRow.id, now })).toEqual({ kept: [], broken: [] });
    expect(await versionOf(caseRow.id)).toBe(2);
  });

  it('judges each debtor on their own calendar: past midnight in Shanghai, still the due date in New York', async () => {
    const newYork = await buildWorkedCase(handle.db);
    const shanghai = await buildWorkedCase(handle.db, {
      debtor: { explicitTimeZone: 'Asia/Shanghai', jurisdictionCountry: 'CN', jurisdictionRegion: null },
    });
    const nyPromise = await promiseOn(newYork.caseRow.id, '2026-11-10');
    const cnPromise = await promiseOn(shanghai.caseRow.id, '2026-11-10');
    // 16:30Z on Nov 10: 00:30 on Nov 11 in Shanghai, 11:30 on Nov 10 in New York.
    const result = await settle({ now: new Date('2026-11-10T16:30:00Z') });
    expect(result.broken).toContain(cnPromise.id);
    expect(result.broken).not.toContain(nyPromise.id);
    expect(await statusOf([nyPromise.id, cnPromise.id])).toEqual(['pending', 'broken']);
  });

  it('keeps a promise whose payment is on file and never touches kept or cancelled ones', async () => {
    const { caseRow } = await buildWorkedCase(handle.db);
    const paid = await promiseOn(caseRow.id, '2026-11-05');
    const kept = await promiseOn(caseRow.id, '2026-11-04', { status: 'kept' });
    const cancelled = await promiseOn(caseRow.id, '2026-11-03', { status: 'cancelled' });
    await buildPayment(handle.db, caseRow.id, {
      amountMinor: 5_000,
      receivedAt: new Date('2026-11-05T20:00:00Z'),
    });
    const result = await settle({ caseId: caseRow.id, now: new Date('2026-11-11T17:00:00Z') });
    expect(result).toEqual({ kept: [paid.id], broken: [] });
    expect(await statusOf([paid.id, kept.id, cancelled.id])).toEqual(['kept', 'kept', 'cancelled']);
  });

  it('breaks the plan with its first broken installment', async () => {
    const { caseRow } = await buildWorkedCase(handle.db);
    const plan = await buildPlan(handle.db, caseRow.id, {
      startDate: '2026-11-04',
      createdAt: MADE,
      installmentCount: 2,
      totalMinor: 10_000,
    });
    const first = await promiseOn(caseRow.id, '2026-11-04', { paymentPlanId: plan.id });
    const second = await promiseOn(caseRow.id, '2026-11-11', { paymentPlanId: plan.id });
    await buildPayment(handle.db, caseRow.id, {
      amountMinor: 5_000,
      receivedAt: new Date('2026-11-04T15:00:00Z'),
    });
    // The first installment was paid; the second (due Nov 11) was not.
    await settle({ caseId: caseRow.id, now: new Date('2026-11-12T17:00:00Z') });
    expect(await statusOf([first.id, second.id])).toEqual(['kept', 'broken']);
    const [row] = await handle.db.select().from(paymentPlans).where(eq(paymentPlans.id, plan.id));
    expect(row!.status).toBe('broken');
    const planAudits = await handle.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.entityId, plan.id))
      .orderBy(asc(auditEvents.id));
    expect(planAudits.map((a) => a.action)).toEqual(['payment_plan.broken']);
  });

  it('completes a plan whose installments the payments on file all cover', async () => {
    const { caseRow } = await buildWorkedCase(handle.db);
    const plan = await buildPlan(handle.db, caseRow.id, {
      startDate: '2026-11-04',
      createdAt: MADE,
      installmentCount: 2,
      totalMinor: 10_000,
    });
    await promiseOn(caseRow.id, '2026-11-04', { paymentPlanId: plan.id });
    await promiseOn(caseRow.id, '2026-11-09', { paymentPlanId: plan.id });
    await buildPayment(handle.db, caseRow.id, {
      amountMinor: 10_000,
      receivedAt: new Date('2026-11-03T15:00:00Z'),
    });
    await settle({ caseId: caseRow.id, now: new Date('2026-11-12T17:00:00Z') });
    const [row] = await handle.db.select().from(paymentPlans).where(eq(paymentPlans.id, plan.id));
    expect(row!.status).toBe('completed');
  });
});
