import { addDays, DAY_MS } from '@arrears/shared/domain/calendar';
import type { Queue } from '@arrears/shared/schemas/queues';
import { and, eq, gte, isNull, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { callbacks, caseQueueState, cases, promises } from '../../db/schema/index.ts';
import { BROKEN_PROMISE_DAYS } from '../case-core/case-core.service.ts';
import { debtorToday } from './debtor-calendar.ts';
import type { Viewer } from './viewer.ts';

/** How long a placement counts as new. */
export const NEW_PLACEMENT_DAYS = 7;

/**
 * Which cases a queue holds: the union of `branches` (each one owner — the viewer, or one team's pool — so each is
 * one walk of an index on that owner in the queue's order) filtered by `condition`. Closed cases are in no queue.
 */
export interface Membership {
  branches: Branch[];
  condition: SQL;
  /** The condition reads the debtor's "today", so the statement joins the debtor's calendar (debtorCalendarSql). */
  needsDebtorToday: boolean;
}

/**
 * The owner columns a branch is written on: the queue row's (case_queue_state, whose indexes give the priority,
 * workable-instant and promise orders) or the case's own (whose indexes give the balance and days-past-due orders).
 * The queue row mirrors the case's, so both give the same cases.
 */
export interface Owned {
  status: AnyPgColumn;
  assignedAgentId: AnyPgColumn;
  teamId: AnyPgColumn;
}

/** One branch of a queue: an owner's candidates, one index walk in the queue's order unless `readWhole`. */
export interface Branch {
  /** The branch's condition, on the owner columns of the table it walks. */
  where: (on: Owned) => SQL;
  /**
   * No index gives this branch in the queue's order (a range of past dates, which the nightly roll keeps empty): its
   * few candidates are read whole, then sorted. Otherwise the planner, misjudging how many match, may walk another
   * index in the queue's order hoping to meet them early; it once walked all 188,000 cases of an agent (0.6 s) to
   * find none.
   */
  readWhole?: boolean;
}

type Where = Branch['where'];
const walked = (where: Where): Branch => ({ where });
const readWhole = (where: Where): Branch => ({ where, readWhole: true });
/** A branch narrowed by more conditions (on the queue row). */
const narrowed =
  (owner: Where, more: SQL): Where =>
  (on) =>
    and(owner(on), more) as SQL;

/** A literal, not a parameter: only a constant proves the partial queue indexes' `status = 'active'` (see ownCases). */
const active: Where = (on) => sql`${on.status} = 'active'`;
const own =
  (viewer: Viewer): Where =>
  (on) =>
    and(active(on), eq(on.assignedAgentId, viewer.id)) as SQL;
const pools = (viewer: Viewer): Where[] =>
  viewer.teamIds.map(
    (teamId) => (on: Owned) => and(active(on), isNull(on.assignedAgentId), eq(on.teamId, teamId)) as SQL,
  );
/** The cases the viewer works: their own and their teams' pools. */
const workingSet = (viewer: Viewer) => [own(viewer), ...pools(viewer)];

/** The queue row: the promise keys and the calendar-zone hint are there. */
const q = caseQueueState;

const HOUR_MS = 3_600_000;
const utcDate = (at: number) => new Date(at).toISOString().slice(0, 10);

/**
 * A date written into the statement rather than bound: the prepared statement then has a plan for these dates
 * (they change once a day), where a generic plan for any date misjudged how many cases fall on it.
 */
function dateLiteral(date: string): SQL {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`not a date: ${date}`);
  return sql.raw(`'${date}'::date`);
}

/** The local dates some zone on Earth (UTC−12 to UTC+14) is on at `now`: two or three consecutive dates. */
function datesOnEarth(now: Date): string[] {
  const dates = [utcDate(now.getTime() - 12 * HOUR_MS)];
  const latest = utcDate(now.getTime() + 14 * HOUR_MS);
  while (dates.at(-1)! < latest) dates.push(addDays(dates.at(-1)!, 1));
  return dates;
}

/**
 * Candidates for "promise due today", per owner, from the promise keys a trigger keeps on the case: each date some
 * debtor may be on is one walk of queue_state_*_promise_due_idx in priority order, and cases whose earliest pending promise
 * is older than all of them (past its date, not yet settled by the nightly roll) are one more, small, branch. A case
 * with a pending promise due on its debtor's today has its earliest pending date on or before that today, so it is
 * among them; the exact rule is `dueToday`.
 */
function dueTodayBranches(owners: Where[], now: Date): Branch[] {
  const dates = datesOnEarth(now);
  return owners.flatMap((owner) => [
    ...dates.map((date) => walked(narrowed(owner, sql`${q.nextPendingDue} = ${dateLiteral(date)}`))),
    readWhole(narrowed(owner, sql`${q.nextPendingDue} < ${dateLiteral(dates[0]!)}`)),
  ]);
}

/**
 * Candidates for "broken promise", per owner: cases whose latest live promise is broken (a walk of
 * queue_state_*_broken_promise_idx in priority order), and those whose latest is still pending, one walk of
 * queue_state_*_pending_promise_idx per date a debtor may be on plus one for older dates: a pending latest promise is
 * broken once the debtor's today has passed its date (not yet settled by the nightly roll). The exact rule is
 * `brokenRecently`.
 */
function brokenBranches(owners: Where[], now: Date): Branch[] {
  const dates = datesOnEarth(now);
  const pending = (date: SQL) => sql`${q.latestPromiseStatus} = 'pending' and ${q.latestPromiseDue} ${date}`;
  return owners.flatMap((owner) => [
    walked(narrowed(owner, sql`${q.latestPromiseStatus} = 'broken'`)),
    ...dates.map((date) => walked(narrowed(owner, pending(sql`= ${dateLiteral(date)}`)))),
    readWhole(narrowed(owner, pending(sql`< ${dateLiteral(dates[0]!)}`))),
  ]);
}

/**
 * A pending promise falls due on the debtor's own today. The earliest pending date is today; or it is earlier (a
 * promise past its date the nightly roll has not settled yet) and the next pending date is today, or is earlier
 * too and a third pending promise falls due today (only then are the promises read: with no next pending date the
 * comparison is null, which would not stop the `and`, hence the coalesce). Every column read is in the promise-due
 * indexes, so a candidate is judged from the index.
 */
const dueToday = sql`(${q.nextPendingDue} = ${debtorToday} or (${q.nextPendingDue} < ${debtorToday}
  and (${q.secondPendingDue} = ${debtorToday} or (coalesce(${q.secondPendingDue} < ${debtorToday}, false)
    and exists (select 1 from ${promises} p where p.case_id = ${q.caseId}
      and p.status = 'pending' and p.due_date = ${debtorToday})))))`;

/**
 * The latest live promise is broken, or pending past its date, and fell due within BROKEN_PROMISE_DAYS. Read from
 * the promise keys: among promises tied for latest the trigger keeps a broken one, else a pending one, so this is
 * the rule over every latest promise.
 */
const brokenRecently = sql`((${q.latestPromiseStatus} = 'broken'
    or (${q.latestPromiseStatus} = 'pending' and ${q.latestPromiseDue} < ${debtorToday}))
  and ${q.latestPromiseDue} >= ${debtorToday} - ${BROKEN_PROMISE_DAYS}::int)`;

/** Which cases are in a queue for the viewer at `now` (decision record 007). */
export function queueMembership(queue: Queue, viewer: Viewer, now: Date): Membership {
  const plain = (branches: Where[], condition: SQL = sql`true`) => ({
    branches: branches.map(walked),
    condition,
    needsDebtorToday: false,
  });
  switch (queue) {
    case 'mine':
      return plain([own(viewer)]);
    case 'team_pool':
      return plain(pools(viewer));
    case 'promises_due_today':
      return {
        branches: dueTodayBranches(workingSet(viewer), now),
        condition: dueToday,
        needsDebtorToday: true,
      };
    case 'broken_promises':
      return {
        branches: brokenBranches(workingSet(viewer), now),
        condition: brokenRecently,
        needsDebtorToday: true,
      };
    case 'new_placements':
      return plain(
        workingSet(viewer),
        and(
          gte(cases.placedAt, new Date(now.getTime() - NEW_PLACEMENT_DAYS * DAY_MS)),
          isNull(cases.lastContactAt),
        ),
      );
    case 'callbacks_due':
      return plain(
        [active],
        sql`${q.caseId} in (select ${callbacks.caseId} from ${callbacks}
          where ${callbacks.agentId} = ${viewer.id} and ${callbacks.dueAt} <= ${now.toISOString()}::timestamptz
            and ${callbacks.doneAt} is null)`,
      );
  }
}
