import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { calendarDate, createdAt, id, instant, minor, updatedAt, uuidRef } from './columns.ts';
import { debtors } from './debtors.ts';
import {
  approvalStatusEnum,
  bucketEnum,
  caseStatusEnum,
  escalationKindEnum,
  ladderStageEnum,
} from './enums.ts';
import { placements, portfolios } from './portfolios.ts';
import { teams, users } from './users.ts';

/**
 * One debt of one debtor. Balances are integer minor units in `currency`; `balanceMinor` is what is owed now
 * (principal + interest + fees − paid). The queues' read model of a case (priority, workable instant, promise keys)
 * is a row of `case_queue_state` (queue-state.ts), owned by queues.
 */
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
      index('cases_status_bucket_idx').on(t.status, t.bucket),
      index('cases_portfolio_placed_idx').on(t.portfolioId, t.placedAt),
      index('cases_team_idx').on(t.teamId),
      index('cases_balance_idx').on(t.balanceMinor),
      index('cases_dpd_idx').on(t.daysPastDue),
      // The balance and days-past-due orders of the queues (decision record 007): one walk of an index on (owner, sort
      // column, id). The other queue indexes are on the queues' own table (case_queue_state, queue-state.ts).
      index('cases_active_agent_balance_idx').on(t.assignedAgentId, t.balanceMinor, t.id).where(active),
      index('cases_active_agent_dpd_idx').on(t.assignedAgentId, t.daysPastDue, t.id).where(active),
      index('cases_pool_balance_idx').on(t.teamId, t.balanceMinor, t.id).where(pooled),
      index('cases_pool_dpd_idx').on(t.teamId, t.daysPastDue, t.id).where(pooled),
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
