import { index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { cases } from './cases.ts';
import { calendarDate, createdAt, id, instant, minor, serialId, serialRef, uuidRef } from './columns.ts';
import { paymentMethodEnum, planFrequencyEnum, planStatusEnum, promiseStatusEnum } from './enums.ts';
import { users } from './users.ts';

export const paymentPlans = pgTable(
  'payment_plans',
  {
    id: id(),
    caseId: uuidRef('case_id', () => cases.id).notNull(),
    totalMinor: minor('total_minor').notNull(),
    currency: text('currency').notNull(),
    installmentCount: integer('installment_count').notNull(),
    frequency: planFrequencyEnum('frequency').notNull(),
    startDate: calendarDate('start_date').notNull(),
    status: planStatusEnum('status').notNull().default('active'),
    createdBy: uuidRef('created_by', () => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('payment_plans_case_idx').on(t.caseId)],
);

/** A promise to pay an amount by a date; a plan's installments are promises too. Kept/broken comes from payments. */
export const promises = pgTable(
  'promises',
  {
    id: id(),
    caseId: uuidRef('case_id', () => cases.id).notNull(),
    paymentPlanId: uuidRef('payment_plan_id', () => paymentPlans.id),
    amountMinor: minor('amount_minor').notNull(),
    currency: text('currency').notNull(),
    dueDate: calendarDate('due_date').notNull(),
    status: promiseStatusEnum('status').notNull().default('pending'),
    createdBy: uuidRef('created_by', () => users.id),
    resolvedAt: instant('resolved_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('promises_case_idx').on(t.caseId),
    index('promises_status_due_idx').on(t.status, t.dueDate),
    // The promise queues (decision record 007): candidates by (status, date) read index-only, then each case's
    // promises by (case, status, date).
    index('promises_status_due_case_idx').on(t.status, t.dueDate, t.caseId),
    index('promises_case_status_due_idx').on(t.caseId, t.status, t.dueDate),
  ],
);

/**
 * Money received. Append-only; a reversal is a new row with a negative amount pointing at the original.
 * The allocation (fees, then interest, then principal) is fixed when the payment is recorded.
 */
export const payments = pgTable(
  'payments',
  {
    id: serialId(),
    caseId: uuidRef('case_id', () => cases.id).notNull(),
    amountMinor: minor('amount_minor').notNull(),
    currency: text('currency').notNull(),
    method: paymentMethodEnum('method').notNull(),
    /** Retrying a payment with the same key records it once. */
    idempotencyKey: text('idempotency_key').notNull(),
    allocatedFeesMinor: minor('allocated_fees_minor').notNull().default(0),
    allocatedInterestMinor: minor('allocated_interest_minor').notNull().default(0),
    allocatedPrincipalMinor: minor('allocated_principal_minor').notNull().default(0),
    agencyPlacementId: uuid('agency_placement_id'),
    reversesId: serialRef('reverses_id'),
    recordedBy: uuidRef('recorded_by', () => users.id),
    receivedAt: instant('received_at').notNull(),
    recordedAt: createdAt(),
  },
  (t) => [
    uniqueIndex('payments_idempotency_key').on(t.idempotencyKey),
    index('payments_case_idx').on(t.caseId, t.receivedAt),
    index('payments_received_idx').on(t.receivedAt),
  ],
);
