import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { calendarDate, createdAt, id, instant, minor, updatedAt, uuidRef } from './columns.ts';
import { debtors } from './debtors.ts';
import {
  approvalStatusEnum,
  bucketEnum,
  caseStatusEnum,
  escalationKindEnum,
  ladderStageEnum,
  promiseStatusEnum,
} from './enums.ts';
import { placements, portfolios } from './portfolios.ts';
import { teams, users } from './users.ts';

/**
 * One debt of one debtor. Balances are integer minor units in `currency`; `balanceMinor` is what is owed now
 * (principal + interest + fees − paid). `priority` and `nextWorkableAt` are kept up to date by the queue
 * service so that "next case" is an index scan.
 */
/**
 * The trailing columns of a promise-queue index: the promise keys the rule compares, and what gives the debtor's
 * today (the calendar-zone hint, and the debtor for the full rule when the hint is not a known zone).
 */
function promiseRuleColumns(
  t: { calendarZoneHint: AnyPgColumn; debtorId: AnyPgColumn },
  ...keys: AnyPgColumn[]
): AnyPgColumn[] {
  return [...keys, t.calendarZoneHint, t.debtorId];
}

export const cases = pgTable(
  'cases',
  {
    id: id(),
    accountRef: text('account_ref').notNull(),
    debtorId: uuidRef('debtor_id', () => debtors.id).notNull(),
    portfolioId: uuidRef('portfolio_id', () => portfolios.id).notNull(),
    placementId: uuidRef('placement_id', () => placements.id),
    currency: text('currency').notNull(),
    originalPrincipalMinor: minor('original_principal_minor').notNull(),
    principalMinor: minor('principal_minor').notNull(),
    interestMinor: minor('interest_minor').notNull().default(0),
    feesMinor: minor('fees_minor').notNull().default(0),
    paidMinor: minor('paid_minor').notNull().default(0),
    balanceMinor: minor('balance_minor').notNull(),
    dueDate: calendarDate('due_date').notNull(),
    daysPastDue: integer('days_past_due').notNull().default(0),
    bucket: bucketEnum('bucket').notNull().default('current'),
    stage: ladderStageEnum('stage').notNull().default('reminder'),
    status: caseStatusEnum('status').notNull().default('active'),
    assignedAgentId: uuidRef('assigned_agent_id', () => users.id),
    /** The team whose pool holds the case when no agent is assigned, and whose supervisor oversees it. */
    teamId: uuidRef('team_id', () => teams.id),
    /** When the current hold began (POL-HOLD counts from it, docs/compliance/CATALOG.md principle 11); null for holds set before it was kept. */
    holdFrom: instant('hold_from'),
    holdUntil: instant('hold_until'),
    holdReason: text('hold_reason'),
    initialCommunicationAt: instant('initial_communication_at'),
    validationNoticeSentAt: instant('validation_notice_sent_at'),
    /** The last day of the validation period of the mailed notice (mailing date + 5 business days + 30). */
    validationPeriodEndsOn: calendarDate('validation_period_ends_on'),
    limitationsExpiresAt: instant('limitations_expires_at'),
    placedAt: instant('placed_at').notNull(),
    closedAt: instant('closed_at'),
    lastContactAt: instant('last_contact_at'),
    priority: integer('priority').notNull().default(0),
    nextWorkableAt: instant('next_workable_at'),
    /**
     * Stored with `nextWorkableAt` by the same refresh (decision record 007): why no call is allowed now (the first
     * violation's rule id, null for "no phone on file" or a portfolio whose parameters cannot be applied, and its
     * reason), so a queue page explains its rows without the engine. All null when workable now.
     */
    blockedRuleId: text('blocked_rule_id'),
    /** The reason in English: what a reader shows when there is no code (no phone, unusable parameters, old rows). */
    blockedReason: text('blocked_reason'),
    /** The engine's reason code and its parameters, so the queue renders the reason in the reader's language. */
    blockedReasonCode: text('blocked_reason_code'),
    blockedReasonParams: jsonb('blocked_reason_params').$type<Record<string, unknown>>(),
    /**
     * Kept by a trigger on `promises` (migration 0017), never written by the code: the earliest due date of a pending
     * promise and the earliest pending one after it (migration 0020), and the due date and status of the latest live
     * one (by due date, then creation; a broken one first among equals). They do not depend on the clock, so the
     * promise queues can walk an index to their candidates and then apply the exact rule on the debtor's calendar
     * (decision record 007).
     */
    nextPendingDue: calendarDate('next_pending_due'),
    secondPendingDue: calendarDate('second_pending_due'),
    /**
     * Kept by triggers (migration 0019), never written by the code: the debtor's named zone, else the zone of their
     * first contact point that has one. When it is a zone the database knows, it is the debtor's calendar zone, so
     * the promise queues read the debtor's today without visiting the debtor (decision record 007).
     */
    calendarZoneHint: text('calendar_zone_hint'),
    latestPromiseDue: calendarDate('latest_promise_due'),
    latestPromiseStatus: promiseStatusEnum('latest_promise_status'),
    claimedBy: uuidRef('claimed_by', () => users.id),
    claimExpiresAt: instant('claim_expires_at'),
    /** Optimistic concurrency: every write bumps it, a stale version is refused. */
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => {
    // The queues read active cases: an agent's own, or a team pool's (no agent holds them).
    const active = sql`${t.status} = 'active'`;
    const pooled = sql`${t.assignedAgentId} is null and ${active}`;
    return [
      uniqueIndex('cases_portfolio_account_key').on(t.portfolioId, t.accountRef),
      index('cases_account_ref_idx').on(t.accountRef),
      index('cases_debtor_idx').on(t.debtorId),
      index('cases_agent_priority_idx').on(t.assignedAgentId, t.priority.desc()),
      index('cases_team_pool_priority_idx').on(t.teamId, t.priority.desc()).where(pooled),
      index('cases_workable_idx').on(t.assignedAgentId, t.nextWorkableAt).where(active),
      index('cases_status_bucket_idx').on(t.status, t.bucket),
      index('cases_portfolio_placed_idx').on(t.portfolioId, t.placedAt),
      index('cases_team_idx').on(t.teamId),
      index('cases_balance_idx').on(t.balanceMinor),
      index('cases_dpd_idx').on(t.daysPastDue),
      // Queues and next case (decision record 007): each queue order is one walk of an index on (owner, sort
      // column, id); next_workable_at as the last key lets next-case skip unworkable cases inside the index.
      index('cases_active_agent_priority_idx')
        .on(t.assignedAgentId, t.priority, t.id, t.nextWorkableAt)
        .where(active),
      index('cases_active_agent_balance_idx').on(t.assignedAgentId, t.balanceMinor, t.id).where(active),
      index('cases_active_agent_dpd_idx').on(t.assignedAgentId, t.daysPastDue, t.id).where(active),
      index('cases_active_agent_workable_idx').on(t.assignedAgentId, t.nextWorkableAt, t.id).where(active),
      index('cases_pool_priority_idx').on(t.teamId, t.priority, t.id, t.nextWorkableAt).where(pooled),
      index('cases_pool_balance_idx').on(t.teamId, t.balanceMinor, t.id).where(pooled),
      index('cases_pool_dpd_idx').on(t.teamId, t.daysPastDue, t.id).where(pooled),
      // The promise queues (decision record 007): owners' cases by the earliest pending due date, then priority; the
      // cases whose latest live promise is broken, by priority; and those whose latest is pending, by its date, then
      // priority. After (priority, id), which order them, each carries what the exact rule on the debtor's calendar
      // reads, so a candidate is judged from the index alone (an index-only scan) and only members visit the table.
      index('cases_agent_promise_due_idx')
        .on(
          t.assignedAgentId,
          t.nextPendingDue,
          t.priority,
          t.id,
          ...promiseRuleColumns(t, t.secondPendingDue),
        )
        .where(sql`${active} and ${t.nextPendingDue} is not null`),
      index('cases_pool_promise_due_idx')
        .on(t.teamId, t.nextPendingDue, t.priority, t.id, ...promiseRuleColumns(t, t.secondPendingDue))
        .where(sql`${pooled} and ${t.nextPendingDue} is not null`),
      index('cases_agent_broken_promise_idx')
        .on(
          t.assignedAgentId,
          t.priority,
          t.id,
          ...promiseRuleColumns(t, t.latestPromiseDue, t.latestPromiseStatus),
        )
        .where(sql`${active} and ${t.latestPromiseStatus} = 'broken'`),
      index('cases_pool_broken_promise_idx')
        .on(t.teamId, t.priority, t.id, ...promiseRuleColumns(t, t.latestPromiseDue, t.latestPromiseStatus))
        .where(sql`${pooled} and ${t.latestPromiseStatus} = 'broken'`),
      index('cases_agent_pending_promise_idx')
        .on(
          t.assignedAgentId,
          t.latestPromiseDue,
          t.priority,
          t.id,
          ...promiseRuleColumns(t, t.latestPromiseStatus),
        )
        .where(sql`${active} and ${t.latestPromiseStatus} = 'pending'`),
      index('cases_pool_pending_promise_idx')
        .on(t.teamId, t.latestPromiseDue, t.priority, t.id, ...promiseRuleColumns(t, t.latestPromiseStatus))
        .where(sql`${pooled} and ${t.latestPromiseStatus} = 'pending'`),
      index('cases_pool_workable_idx').on(t.teamId, t.nextWorkableAt, t.id).where(pooled),
      index('cases_new_placements_idx').on(t.placedAt).where(sql`${active} and ${t.lastContactAt} is null`),
    ];
  },
);

/** A request to climb the ladder (agency, field visit, legal) and a supervisor's decision; POL-APPROVAL reads it. */
export const escalationRequests = pgTable(
  'escalation_requests',
  {
    id: id(),
    caseId: uuidRef('case_id', () => cases.id).notNull(),
    kind: escalationKindEnum('kind').notNull(),
    status: approvalStatusEnum('status').notNull().default('pending'),
    requestedBy: uuidRef('requested_by', () => users.id).notNull(),
    requestReason: text('request_reason').notNull(),
    decidedBy: uuidRef('decided_by', () => users.id),
    decisionReason: text('decision_reason'),
    decidedAt: instant('decided_at'),
    /**
     * When the approval was used up, and by which action (the placement, visit or legal action its kind names).
     * An approval allows one action; it lapses unused after APPROVAL_VALID_DAYS (shared/src/domain/approvals.ts)
     * from `decided_at`. The row is kept either way: it is the history of the decision.
     */
    consumedAt: instant('consumed_at'),
    consumedFor: uuid('consumed_for'),
    createdAt: createdAt(),
  },
  (t) => [
    check(
      'escalation_requests_consumed_check',
      sql`(${t.consumedAt} is null) = (${t.consumedFor} is null) and (${t.consumedAt} is null or ${t.status} = 'approved')`,
    ),
    index('escalation_requests_case_idx').on(t.caseId),
    index('escalation_requests_status_idx').on(t.status, t.createdAt),
  ],
);

export const callbacks = pgTable(
  'callbacks',
  {
    id: id(),
    caseId: uuidRef('case_id', () => cases.id).notNull(),
    agentId: uuidRef('agent_id', () => users.id).notNull(),
    dueAt: instant('due_at').notNull(),
    note: text('note'),
    doneAt: instant('done_at'),
    createdAt: createdAt(),
  },
  (t) => [index('callbacks_agent_due_idx').on(t.agentId, t.dueAt)],
);

export const caseNotes = pgTable(
  'case_notes',
  {
    id: id(),
    caseId: uuidRef('case_id', () => cases.id).notNull(),
    authorId: uuidRef('author_id', () => users.id).notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('case_notes_case_idx').on(t.caseId, t.createdAt)],
);
