import { index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { calendarDate, createdAt, id, instant, minor, serialRef, updatedAt, uuidRef } from './columns.ts';
import { agencyPlacements } from './escalations.ts';
import { agencies, portfolios } from './portfolios.ts';
import { users } from './users.ts';

/**
 * A portfolio's ladder rules for the nightly roll (decision 014): the days past due from which a case belongs on
 * each rung. A portfolio without a row uses the defaults (`DEFAULT_LADDER_POLICY`). The agency and legal rungs
 * only mean "ready for placement / legal review": the placement or filing itself still needs a supervisor's
 * approval and the compliance guard.
 */
export const ladderPolicies = pgTable('ladder_policies', {
  portfolioId: uuidRef('portfolio_id', () => portfolios.id).primaryKey(),
  agentFromDays: integer('agent_from_days').notNull(),
  agencyFromDays: integer('agency_from_days').notNull(),
  legalFromDays: integer('legal_from_days').notNull(),
  updatedBy: uuidRef('updated_by', () => users.id),
  updatedAt: updatedAt(),
});

/**
 * One nightly roll per run date (the UTC calendar date of the run): a second run on a date that finished changes
 * nothing and answers this row. `summary` holds what the run did (cases re-dated, moves per rung, promises).
 */
export const rollRuns = pgTable('roll_runs', {
  runDate: calendarDate('run_date').primaryKey(),
  /** running → done | failed. A run left `running` by a dead process is taken over after a lease. */
  status: text('status', { enum: ['running', 'done', 'failed'] }).notNull(),
  startedAt: instant('started_at').notNull(),
  finishedAt: instant('finished_at'),
  /** The instant the roll judged as "now" (the CLI's --at). */
  asOf: instant('as_of').notNull(),
  summary: jsonb('summary').$type<Record<string, unknown>>(),
  error: text('error'),
});

/**
 * Commission owed to an agency on one payment it reported: `commission_bps` of the placement times the amount,
 * rounded half up, in the payment's currency. One row per payment.
 */
export const agencyCommissions = pgTable(
  'agency_commissions',
  {
    id: id(),
    paymentId: serialRef('payment_id').notNull(),
    placementId: uuidRef('placement_id', () => agencyPlacements.id).notNull(),
    agencyId: uuidRef('agency_id', () => agencies.id).notNull(),
    amountMinor: minor('amount_minor').notNull(),
    commissionMinor: minor('commission_minor').notNull(),
    currency: text('currency').notNull(),
    commissionBps: integer('commission_bps').notNull(),
    /** The agency's own reference for the collection it reported. */
    reference: text('reference').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('agency_commissions_payment_key').on(t.paymentId),
    index('agency_commissions_placement_idx').on(t.placementId),
    index('agency_commissions_agency_idx').on(t.agencyId, t.currency),
  ],
);
