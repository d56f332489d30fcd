import type { Queue } from '@arrears/shared/schemas/queues';
import { and, eq, gte, isNull, type SQL, sql } from 'drizzle-orm';
import { callbacks, cases, promises } from '../../db/schema/index.ts';
import { addDays, debtorToday } from './debtor-calendar.ts';
import { BROKEN_PROMISE_DAYS } from './promise-standing.ts';
import type { Viewer } from './viewer.ts';

/** How long a placement counts as new. */
export const NEW_PLACEMENT_DAYS = 7;
const DAY_MS = 86_400_000;

/**
 * Which cases a queue holds: the union of `branches` (each one owner — the viewer, or one team's pool — so each is
 * one walk of an index on that owner in the queue's order) filtered by `condition`. Closed cases are in no queue.
 */
export interface Membership {
  branches: SQL[];
  condition: SQL;
  /** The condition reads the debtor's "today", so the query joins `debtorTodayJoin` (and `debtors`). */
  needsDebtorToday: boolean;
}

/** A literal, not a parameter: only a constant proves the partial queue indexes' `status = 'active'` (see ownCases). */
const active = sql`${cases.status} = 'active'`;
const own = (viewer: Viewer) => and(active, eq(cases.assignedAgentId, viewer.id)) as SQL;
const pools = (viewer: Viewer) =>
  viewer.teamIds.map((teamId) => and(active, isNull(cases.assignedAgentId), eq(cases.teamId, teamId)) as SQL);
/** The cases the viewer works: their own and their teams' pools. */
const workingSet = (viewer: Viewer) => [own(viewer), ...pools(viewer)];

const HOUR_MS = 3_600_000;
const utcDate = (at: number) => new Date(at).toISOString().slice(0, 10);

/**
 * The cases with a promise due, by the calendar of some zone on Earth (UTC−12 to UTC+14), between `fromDays` before
 * today and today: an uncorrelated set walked on promises_status_due_idx that holds every candidate. The exact
 * test on the debtor's own calendar then runs only on those.
 */
function promisesNear(statuses: string[], fromDays: number, now: Date): SQL {
  const earliest = addDays(utcDate(now.getTime() - 12 * HOUR_MS), fromDays);
  const latest = utcDate(now.getTime() + 14 * HOUR_MS);
  return sql`${cases.id} in (select ${promises.caseId} from ${promises}
    where ${promises.status} in ${statuses} and ${promises.dueDate} between ${earliest} and ${latest})`;
}

function dueToday(now: Date): SQL {
  return and(
    promisesNear(['pending'], 0, now),
    sql`exists (select 1 from ${promises} p where p.case_id = ${cases.id}
      and p.status = 'pending' and p.due_date = ${debtorToday})`,
  ) as SQL;
}

/** The latest live promise is broken, or pending past its date, and fell due within BROKEN_PROMISE_DAYS. */
function brokenRecently(now: Date): SQL {
  return and(
    promisesNear(['broken', 'pending'], -BROKEN_PROMISE_DAYS, now),
    sql`exists (select 1 from ${promises} p where p.case_id = ${cases.id}
      and p.due_date >= ${debtorToday} - ${BROKEN_PROMISE_DAYS}::int
      and (p.status = 'broken' or (p.status = 'pending' and p.due_date < ${debtorToday}))
      and not exists (select 1 from ${promises} q where q.case_id = p.case_id and q.status <> 'cancelled'
        and (q.due_date > p.due_date or (q.due_date = p.due_date and q.created_at > p.created_at))))`,
  ) as SQL;
}

/** Which cases are in a queue for the viewer at `now` (decision record 007). */
export function queueMembership(queue: Queue, viewer: Viewer, now: Date): Membership {
  const plain = (branches: SQL[], condition: SQL = sql`true`) => ({
    branches,
    condition,
    needsDebtorToday: false,
  });
  switch (queue) {
    case 'mine':
      return plain([own(viewer)]);
    case 'team_pool':
      return plain(pools(viewer));
    case 'promises_due_today':
      return { branches: workingSet(viewer), condition: dueToday(now), needsDebtorToday: true };
    case 'broken_promises':
      return { branches: workingSet(viewer), condition: brokenRecently(now), needsDebtorToday: true };
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
        sql`${cases.id} in (select ${callbacks.caseId} from ${callbacks}
          where ${callbacks.agentId} = ${viewer.id} and ${callbacks.dueAt} <= ${now.toISOString()}::timestamptz
            and ${callbacks.doneAt} is null)`,
      );
  }
}
