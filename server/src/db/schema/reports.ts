import { integer, pgTable, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { calendarDate, minor } from './columns.ts';
import { promiseStatusEnum } from './enums.ts';

/**
 * Report rollups (decision record 011). Every row is a sum over raw rows, kept exact by statement-level
 * triggers in the same transaction as the insert (payments, contact_log, promises, cases), or — for bucket
 * rolls, which depend on the calendar rather than on an insert — written by `snapshotBuckets`. The reporting
 * day is the UTC calendar day. `pnpm reports:backfill` rebuilds all of them from the raw rows.
 * Agent ids are the ones in force when the row was written (a payment credits the case's assigned agent).
 */

/** The keys of a daily rollup by agent: the UTC day, the portfolio, the currency and the agent. */
const dailyByAgent = () => ({
  day: calendarDate('day').notNull(),
  portfolioId: uuid('portfolio_id').notNull(),
  currency: text('currency').notNull(),
  agentId: uuid('agent_id'),
});

/** The keys of a vintage cohort: the portfolio, the UTC month its cases were placed and their currency. */
const cohort = () => ({
  portfolioId: uuid('portfolio_id').notNull(),
  placementMonth: calendarDate('placement_month').notNull(),
  currency: text('currency').notNull(),
});

/** Money received per UTC day, portfolio, currency and credited agent (null: the case was in a team pool). */
export const reportDailyCollections = pgTable(
  'report_daily_collections',
  {
    ...dailyByAgent(),
    amountMinor: minor('amount_minor').notNull(),
    paymentCount: integer('payment_count').notNull(),
  },
  (t) => [
    unique('report_daily_collections_key').on(t.day, t.portfolioId, t.currency, t.agentId).nullsNotDistinct(),
  ],
);

/** Cases placed per portfolio, UTC placement month and currency, with the balance placed. */
export const reportVintageCohorts = pgTable(
  'report_vintage_cohorts',
  {
    ...cohort(),
    caseCount: integer('case_count').notNull(),
    placedMinor: minor('placed_minor').notNull(),
  },
  (t) => [uniqueIndex('report_vintage_cohorts_key').on(t.portfolioId, t.placementMonth, t.currency)],
);

/** Money received per cohort (portfolio, placement month, currency) and whole months since placement. */
export const reportVintageCollections = pgTable(
  'report_vintage_collections',
  {
    ...cohort(),
    monthsSince: integer('months_since').notNull(),
    amountMinor: minor('amount_minor').notNull(),
  },
  (t) => [
    uniqueIndex('report_vintage_collections_key').on(
      t.portfolioId,
      t.placementMonth,
      t.currency,
      t.monthsSince,
    ),
  ],
);

/** Contact-log rows per UTC day, portfolio, case currency and agent (null: automated). */
export const reportDailyContacts = pgTable(
  'report_daily_contacts',
  {
    ...dailyByAgent(),
    /** Every contact-log row. */
    contacts: integer('contacts').notNull(),
    /** Outbound calls (call, autodial_call). */
    callAttempts: integer('call_attempts').notNull(),
    /** Outbound calls that reached the debtor (outcome conversation). */
    rightPartyContacts: integer('right_party_contacts').notNull(),
  },
  (t) => [
    unique('report_daily_contacts_key').on(t.day, t.portfolioId, t.currency, t.agentId).nullsNotDistinct(),
  ],
);

/** Promises per due date, portfolio, currency, the agent who took them and their status now. */
export const reportDailyPromises = pgTable(
  'report_daily_promises',
  {
    dueDate: calendarDate('due_date').notNull(),
    portfolioId: uuid('portfolio_id').notNull(),
    currency: text('currency').notNull(),
    agentId: uuid('agent_id'),
    status: promiseStatusEnum('status').notNull(),
    promiseCount: integer('promise_count').notNull(),
    amountMinor: minor('amount_minor').notNull(),
  },
  (t) => [
    unique('report_daily_promises_key')
      .on(t.dueDate, t.portfolioId, t.currency, t.agentId, t.status)
      .nullsNotDistinct(),
  ],
);

/**
 * Bucket rolls of one calendar month: each case's state at the end of the previous month (`new` if placed in
 * the month) against its state at the end of this one (`closed` once closed). Written by `snapshotBuckets`.
 */
export const reportBucketRolls = pgTable(
  'report_bucket_rolls',
  {
    month: calendarDate('month').notNull(),
    portfolioId: uuid('portfolio_id').notNull(),
    currency: text('currency').notNull(),
    fromBucket: text('from_bucket').notNull(),
    toBucket: text('to_bucket').notNull(),
    caseCount: integer('case_count').notNull(),
  },
  (t) => [
    uniqueIndex('report_bucket_rolls_key').on(t.month, t.portfolioId, t.currency, t.fromBucket, t.toBucket),
  ],
);

/**
 * Agency placements as balances: `placed` and `recalled` rows per UTC day of the event, `open` (day null)
 * for placements still with the agency now. Kept by a trigger on agency_placements (insert and update).
 */
export const reportAgencyBalances = pgTable(
  'report_agency_balances',
  {
    kind: text('kind').notNull(),
    day: calendarDate('day'),
    agencyId: uuid('agency_id').notNull(),
    portfolioId: uuid('portfolio_id').notNull(),
    currency: text('currency').notNull(),
    placementCount: integer('placement_count').notNull(),
    amountMinor: minor('amount_minor').notNull(),
  },
  (t) => [
    unique('report_agency_balances_key')
      .on(t.kind, t.day, t.agencyId, t.portfolioId, t.currency)
      .nullsNotDistinct(),
  ],
);
