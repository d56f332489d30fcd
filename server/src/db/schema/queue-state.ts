import { sql } from 'drizzle-orm';
import { type AnyPgColumn, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { cases } from './cases.ts';
import { calendarDate, instant, uuidRef } from './columns.ts';
import { debtors } from './debtors.ts';
import { caseStatusEnum, promiseStatusEnum } from './enums.ts';
import { teams, users } from './users.ts';

/**
 * The queues' read model (decision records 007, 039 and the queue-state table's own): one row per case, owned by
 * queues. `cases` is the record; this is what the queue pages and next case walk.
 *
 * - **Judged** by the engine and written only by `queues/projection.ts` (and, for rows they create, the placement
 *   import and the seed's bulk load): `priority`, `nextWorkableAt` and why not now (`blocked*`).
 * - **Kept by triggers** (listed in `db/triggers.ts`), never by the code: the promise keys (from `promises`) and
 *   the calendar-zone hint (from debtors and contact points).
 * - **Mirrored** from the case by a trigger on `cases`, so the queue indexes can be partial on them: the debtor,
 *   the status, the agent and the team. The row itself is created by a trigger on the case's insert.
 */
export const caseQueueState = pgTable(
  'case_queue_state',
  {
    caseId: uuid('case_id')
      .primaryKey()
      .references(() => cases.id, { onDelete: 'cascade' }),
    /** Mirrors `cases.debtor_id` (never changes): the promise queues' full calendar rule reads the debtor. */
    debtorId: uuidRef('debtor_id', () => debtors.id).notNull(),
    /** Mirrors `cases.status`. */
    status: caseStatusEnum('status').notNull(),
    /** Mirrors `cases.assigned_agent_id`. */
    assignedAgentId: uuidRef('assigned_agent_id', () => users.id),
    /** Mirrors `cases.team_id`. */
    teamId: uuidRef('team_id', () => teams.id),
    priority: integer('priority').notNull().default(0),
    nextWorkableAt: instant('next_workable_at'),
    /**
     * Stored with `nextWorkableAt` by the same refresh (decision record 007): why no call is allowed now (the first
     * violation's rule id, null for "no phone on file" or a portfolio whose parameters cannot be applied, and its
     * reason), so a queue page explains its rows without the engine. All null when workable now.
     */
    blockedRuleId: text('blocked_rule_id'),
    /**
     * The reason code and its parameters (the engine's, or `noPhoneOnFile` / `rulesUnavailable`), rendered in the
     * reader's language. Null while the case is workable now, or when it was never judged.
     */
    blockedReasonCode: text('blocked_reason_code'),
    blockedReasonParams: jsonb('blocked_reason_params').$type<Record<string, unknown>>(),
    /**
     * Kept by a trigger on `promises`, never written by the code: the earliest due date of a pending promise and the
     * earliest pending one after it, and the due date and status of the latest live one (by due date, then creation;
     * a broken one first among equals). They do not depend on the clock, so the promise queues can walk an index to
     * their candidates and then apply the exact rule on the debtor's calendar (decision record 007).
     */
    nextPendingDue: calendarDate('next_pending_due'),
    secondPendingDue: calendarDate('second_pending_due'),
    latestPromiseDue: calendarDate('latest_promise_due'),
    latestPromiseStatus: promiseStatusEnum('latest_promise_status'),
    /**
     * Kept by triggers, never written by the code: the debtor's named zone, else the zone of their first contact
     * point that has one. When it is a zone the database knows, it is the debtor's calendar zone, so the promise
     * queues read the debtor's today without visiting the debtor (decision record 007).
     */
    calendarZoneHint: text('calendar_zone_hint'),
  },
  (t) => {
    // The queues read active cases: an agent's own, or a team pool's (no agent holds them).
    const active = sql`${t.status} = 'active'`;
    const pooled = sql`${t.assignedAgentId} is null and ${active}`;
    /**
     * The trailing columns of a promise-queue index: the promise keys the rule compares, and what gives the
     * debtor's today (the calendar-zone hint, and the debtor for the full rule when the hint is not a known zone).
     */
    const rule = (...keys: AnyPgColumn[]) => [...keys, t.calendarZoneHint, t.debtorId];
    return [
      index('queue_state_agent_priority_idx').on(t.assignedAgentId, t.priority.desc()),
      index('queue_state_team_pool_priority_idx').on(t.teamId, t.priority.desc()).where(pooled),
      index('queue_state_workable_idx').on(t.assignedAgentId, t.nextWorkableAt).where(active),
      // Queues and next case (decision record 007): each queue order is one walk of an index on (owner, sort
      // column, id); next_workable_at as the last key lets next-case skip unworkable cases inside the index. The
      // balance and days-past-due orders walk the indexes on `cases` that hold those columns.
      index('queue_state_agent_priority_walk_idx')
        .on(t.assignedAgentId, t.priority, t.caseId, t.nextWorkableAt)
        .where(active),
      index('queue_state_agent_workable_walk_idx')
        .on(t.assignedAgentId, t.nextWorkableAt, t.caseId)
        .where(active),
      index('queue_state_pool_priority_walk_idx')
        .on(t.teamId, t.priority, t.caseId, t.nextWorkableAt)
        .where(pooled),
      index('queue_state_pool_workable_walk_idx').on(t.teamId, t.nextWorkableAt, t.caseId).where(pooled),
      // The promise queues (decision record 007): owners' cases by the earliest pending due date, then priority; the
      // cases whose latest live promise is broken, by priority; and those whose latest is pending, by its date, then
      // priority. After (priority, id), which order them, each carries what the exact rule on the debtor's calendar
      // reads, so a candidate is judged from the index alone (an index-only scan) and only members visit the table.
      index('queue_state_agent_promise_due_idx')
        .on(t.assignedAgentId, t.nextPendingDue, t.priority, t.caseId, ...rule(t.secondPendingDue))
        .where(sql`${active} and ${t.nextPendingDue} is not null`),
      index('queue_state_pool_promise_due_idx')
        .on(t.teamId, t.nextPendingDue, t.priority, t.caseId, ...rule(t.secondPendingDue))
        .where(sql`${pooled} and ${t.nextPendingDue} is not null`),
      index('queue_state_agent_broken_promise_idx')
        .on(t.assignedAgentId, t.priority, t.caseId, ...rule(t.latestPromiseDue, t.latestPromiseStatus))
        .where(sql`${active} and ${t.latestPromiseStatus} = 'broken'`),
      index('queue_state_pool_broken_promise_idx')
        .on(t.teamId, t.priority, t.caseId, ...rule(t.latestPromiseDue, t.latestPromiseStatus))
        .where(sql`${pooled} and ${t.latestPromiseStatus} = 'broken'`),
      index('queue_state_agent_pending_promise_idx')
        .on(t.assignedAgentId, t.latestPromiseDue, t.priority, t.caseId, ...rule(t.latestPromiseStatus))
        .where(sql`${active} and ${t.latestPromiseStatus} = 'pending'`),
      index('queue_state_pool_pending_promise_idx')
        .on(t.teamId, t.latestPromiseDue, t.priority, t.caseId, ...rule(t.latestPromiseStatus))
        .where(sql`${pooled} and ${t.latestPromiseStatus} = 'pending'`),
    ];
  },
);
