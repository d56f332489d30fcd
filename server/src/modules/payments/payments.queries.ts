import type { Outstanding } from '@arrears/shared/domain/allocation';
import type { PaymentView, PlanView, PromiseView } from '@arrears/shared/schemas/payments';
import { asc, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { paymentPlans, payments, promises } from '../../db/schema/index.ts';
import type { CaseRow } from '../case-core/case-core.service.ts';

export type PromiseRow = typeof promises.$inferSelect;
export type PlanRow = typeof paymentPlans.$inferSelect;
export type PaymentRow = typeof payments.$inferSelect;

const iso = (at: Date | null) => (at === null ? null : at.toISOString());

export function toPlanView(row: PlanRow): PlanView {
  return {
    id: row.id,
    totalMinor: row.totalMinor,
    currency: row.currency,
    installmentCount: row.installmentCount,
    frequency: row.frequency,
    startDate: row.startDate,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
  };
}

/** A promise with its plan: which installment it is comes from its place in the plan's due dates. */
export function toPromiseView(row: PromiseRow, plan: PlanRow | null, installment: number): PromiseView {
  return {
    id: row.id,
    caseId: row.caseId,
    amountMinor: row.amountMinor,
    currency: row.currency,
    dueDate: row.dueDate,
    status: row.status,
    resolvedAt: iso(row.resolvedAt),
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    plan:
      plan === null
        ? null
        : {
            id: plan.id,
            installment,
            installmentCount: plan.installmentCount,
            frequency: plan.frequency,
            status: plan.status,
          },
  };
}

export function toPaymentView(row: PaymentRow): PaymentView {
  return {
    id: row.id,
    caseId: row.caseId,
    amountMinor: row.amountMinor,
    currency: row.currency,
    method: row.method,
    receivedAt: row.receivedAt.toISOString(),
    recordedAt: row.recordedAt.toISOString(),
    recordedBy: row.recordedBy,
    allocation: {
      feesMinor: row.allocatedFeesMinor,
      interestMinor: row.allocatedInterestMinor,
      principalMinor: row.allocatedPrincipalMinor,
    },
  };
}

/** Every promise, plan and payment of a case: promises newest first, payments latest received first. */
export async function caseLedger(db: Executor, caseId: string) {
  const [promiseRows, planRows, paymentRows] = await Promise.all([
    db
      .select()
      .from(promises)
      .where(eq(promises.caseId, caseId))
      .orderBy(desc(promises.createdAt), asc(promises.dueDate)),
    db
      .select()
      .from(paymentPlans)
      .where(eq(paymentPlans.caseId, caseId))
      .orderBy(desc(paymentPlans.createdAt)),
    db
      .select()
      .from(payments)
      .where(eq(payments.caseId, caseId))
      .orderBy(desc(payments.receivedAt), desc(payments.id)),
  ]);
  const plans = new Map(planRows.map((plan) => [plan.id, plan]));
  const installmentNumbers = new Map<string, number>();
  for (const plan of planRows) {
    const installments = promiseRows
      .filter((p) => p.paymentPlanId === plan.id)
      .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
    for (const [n, p] of installments.entries()) installmentNumbers.set(p.id, n + 1);
  }
  return {
    promises: promiseRows.map((row) =>
      toPromiseView(
        row,
        row.paymentPlanId === null ? null : (plans.get(row.paymentPlanId) ?? null),
        installmentNumbers.get(row.id) ?? 0,
      ),
    ),
    plans: planRows.map(toPlanView),
    payments: paymentRows.map(toPaymentView),
  };
}

/**
 * What is still owed per component. The case keeps what was charged (principal, interest, fees) and what was
 * paid; earlier payments' allocations say what of each is settled. Principal takes whatever the balance holds
 * beyond unpaid fees and interest, so the parts always add up to the balance.
 */
export async function outstandingOf(db: Executor, caseRow: CaseRow): Promise<Outstanding> {
  const [settled] = await db
    .select({
      fees: sql<string>`coalesce(sum(${payments.allocatedFeesMinor}), 0)`,
      interest: sql<string>`coalesce(sum(${payments.allocatedInterestMinor}), 0)`,
    })
    .from(payments)
    .where(eq(payments.caseId, caseRow.id));
  const balance = Math.max(0, caseRow.balanceMinor);
  const feesMinor = clamp(caseRow.feesMinor - Number(settled?.fees ?? 0), balance);
  const interestMinor = clamp(caseRow.interestMinor - Number(settled?.interest ?? 0), balance - feesMinor);
  return { feesMinor, interestMinor, principalMinor: balance - feesMinor - interestMinor };
}

const clamp = (value: number, max: number) => Math.min(Math.max(0, value), max);
