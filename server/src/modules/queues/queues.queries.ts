import { QUEUE_COUNT_CAP, type QueueSortField, type WorkBlock } from '@arrears/shared/schemas/queues';
import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { type Executor, queryRows } from '../../db/client.ts';
import { caseQueueState, cases, debtors } from '../../db/schema/index.ts';
import { type DebtorCalendarSql, debtorCalendarSql } from './debtor-calendar.ts';
import type { Branch, Membership, Owned } from './queue-membership.ts';

const q = caseQueueState;

/**
 * The table a branch walks, and the other joined to it: the queue row (case_queue_state) for the orders its
 * indexes give (priority, workable instant, the promise queues), the case for balance and days past due, whose
 * indexes are on `cases`. The other side is a left join on its unique key: every case has its queue row, and a
 * statement that reads nothing of the other side (a count) does not visit it at all.
 */
interface Walk {
  owned: Owned;
  id: AnyPgColumn;
  from: SQL;
}

const ON_QUEUE: Walk = {
  owned: q,
  id: q.caseId,
  from: sql`${q} left join ${cases} on ${cases.id} = ${q.caseId}`,
};
const ON_CASES: Walk = {
  owned: cases,
  id: cases.id,
  from: sql`${cases} left join ${q} on ${q.caseId} = ${cases.id}`,
};

/** Each order: its column, the name a page row gives it, and the table whose index walks it. */
const SORTS = {
  priority: { column: q.priority, name: 'priority', walk: ON_QUEUE },
  balance: { column: cases.balanceMinor, name: 'balance_minor', walk: ON_CASES },
  daysPastDue: { column: cases.daysPastDue, name: 'days_past_due', walk: ON_CASES },
  nextWorkableAt: { column: q.nextWorkableAt, name: 'next_workable_at', walk: ON_QUEUE },
} satisfies Record<QueueSortField, { column: AnyPgColumn; name: string; walk: Walk }>;

export interface PageRequest {
  sort: { field: QueueSortField; direction: 'asc' | 'desc' };
  page: number;
  pageSize: number;
}

/** A page row as the driver gives it: PGlite and postgres.js differ on timestamps and bigints. */
interface RawRow {
  id: string;
  account_ref: string;
  debtor_name: string;
  currency: string;
  balance_minor: number | string;
  days_past_due: number;
  bucket: (typeof cases.$inferSelect)['bucket'];
  stage: (typeof cases.$inferSelect)['stage'];
  priority: number;
  last_contact_at: Date | string | null;
  next_workable_at: Date | string | null;
  blocked_rule_id: string | null;
  blocked_reason_code: string | null;
  blocked_reason_params: WorkBlock['reasonParams'];
  claimed_by: string | null;
  claim_expires_at: Date | string | null;
}

const instant = (value: Date | string | null) => (value === null ? null : new Date(value));

/**
 * Runs a queue's read. A queue that reads the debtor's calendar (the promise queues) is one statement of a dozen
 * or more branches, each an index walk whatever the owner (its dates are literals); planning it took 5 ms, so it
 * runs on the prepared statement's generic plan from the first call, where PostgreSQL would plan its first five
 * calls on each connection for their values. Nor is it run by parallel workers: its branches read a few index pages
 * each, and where the planner misjudged a branch of past dates as large, starting a worker took 4 ms to read nothing.
 */
function readQueue<T>(db: Executor, membership: Membership, read: (db: Executor) => Promise<T>): Promise<T> {
  if (!membership.needsDebtorToday) return read(db);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('plan_cache_mode', 'force_generic_plan', true),
      set_config('max_parallel_workers_per_gather', '0', true)`);
    return read(tx);
  });
}

/** A page row as the service uses it. */
export type PageRow = ReturnType<typeof pageRow>;

function pageRow(row: RawRow) {
  return {
    id: row.id,
    accountRef: row.account_ref,
    debtorName: row.debtor_name,
    currency: row.currency,
    balanceMinor: Number(row.balance_minor),
    daysPastDue: row.days_past_due,
    bucket: row.bucket,
    stage: row.stage,
    priority: row.priority,
    lastContactAt: instant(row.last_contact_at),
    nextWorkableAt: instant(row.next_workable_at),
    blockedRuleId: row.blocked_rule_id,
    blockedReasonCode: row.blocked_reason_code,
    blockedReasonParams: row.blocked_reason_params,
    claimedBy: row.claimed_by,
    claimExpiresAt: instant(row.claim_expires_at),
  };
}

/**
 * One page of a queue and how many cases the queue holds (capped, see countQueue). A plain queue sends the two
 * statements side by side on two connections: the count (an index-only walk of up to 1,001 entries) costs about
 * what the page does, and side by side the page waits for the longer of them, not for both. A queue that reads the
 * debtor's calendar runs in its own transaction (readQueue), so it sends one statement: the capped count with the
 * page joined laterally, so an empty page still answers its count.
 */
export async function queuePageAndCount(
  db: Executor,
  membership: Membership,
  request: PageRequest,
  now: Date,
): Promise<{ rows: PageRow[]; total: { count: number; capped: boolean } }> {
  if (membership.branches.length === 0) return { rows: [], total: { count: 0, capped: false } };
  if (!membership.needsDebtorToday) {
    const [[counted], rows] = await Promise.all([
      queryRows<{ queue_count: number }>(db, countQuery(membership, null)),
      queryRows<RawRow>(db, queuePageQuery(membership, request, null)),
    ]);
    return { rows: rows.map(pageRow), total: cappedCount(counted?.queue_count ?? 0) };
  }
  const calendar = await debtorCalendarSql(db, now);
  const found = await readQueue(db, membership, (read) =>
    queryRows<RawRow & { queue_count: number }>(
      read,
      sql`${withCalendar(calendar)} select counted.queue_count, page.* from (${countQuery(membership, calendar)}) counted
        left join lateral (${queuePageQuery(membership, request, calendar)}) page on true`,
    ),
  );
  return {
    rows: found.filter((row) => row.id !== null).map(pageRow),
    total: cappedCount(found[0]?.queue_count ?? 0),
  };
}

/**
 * A row count written into the statement, not bound. With `limit $1` a prepared statement's generic plan must guess
 * the limit (a tenth of the rows), costs far more than a plan for 50 rows, and so is never chosen: every page was
 * planned again (1.8 ms, more than running it). A page's limits take few values, so few statement texts.
 */
function literalCount(rows: number): SQL {
  if (!Number.isSafeInteger(rows) || rows < 0) throw new Error(`not a row count: ${rows}`);
  return sql.raw(String(rows));
}

/**
 * Where a branch reads its candidates from, and how they are narrowed (see Branch). A branch read whole reads its
 * queue rows (its conditions are on them); their cases are joined as the walk's other side is, so a statement that
 * reads nothing of them (the promise queues' candidates, a count) does not visit them.
 */
function branchSource(branch: Branch, walk: Walk): { from: SQL; where: SQL } {
  if (!branch.readWhole) return { from: walk.from, where: branch.where(walk.owned) };
  return {
    from: sql`(select * from ${q} where ${branch.where(q)} offset 0) as ${q}
      left join ${cases} on ${cases.id} = ${q.caseId}`,
    where: sql`true`,
  };
}

/** The WITH clause of a statement that reads the debtor's calendar: the zone map, once. */
function withCalendar(calendar: DebtorCalendarSql | null): SQL {
  return calendar === null ? sql`` : sql`with ${calendar.zoneDates}`;
}

/** A page row's columns; `id` is the walked table's, so the order by id is the walked index's own. */
const pageColumns = (id: SQL | AnyPgColumn) => sql`${id} as id, ${cases.accountRef} as account_ref,
  ${debtors.fullName} as debtor_name, ${cases.currency} as currency, ${cases.balanceMinor} as balance_minor,
  ${cases.daysPastDue} as days_past_due, ${cases.bucket} as bucket, ${cases.stage} as stage,
  ${q.priority} as priority, ${cases.lastContactAt} as last_contact_at,
  ${q.nextWorkableAt} as next_workable_at, ${q.blockedRuleId} as blocked_rule_id,
  ${q.blockedReasonCode} as blocked_reason_code,
  ${q.blockedReasonParams} as blocked_reason_params, ${cases.claimedBy} as claimed_by,
  ${cases.claimExpiresAt} as claim_expires_at`;

/**
 * The page's SQL. Each branch of the page (one owner) is ordered and cut on its own,
 * so each is one walk of an index on (owner, sort column, id) read forwards or backwards; the branches are then
 * merged. The id breaks ties in the sort's own direction, so the order is total and paging stable. Null workable
 * instants (no phone can be called) sort as PostgreSQL does by default: after every instant ascending, first
 * descending.
 *
 * A queue that reads the debtor's calendar (the promise queues) picks its page's ids first, each branch reading
 * only the case's id, sort column and what its rule reads, all of which its index holds: the candidates that fail
 * the rule (most of them, on a date few debtors are on) are judged from the index without visiting the table (an
 * index-only scan). Only the page's cases and debtors are then read.
 */
function queuePageQuery(
  membership: Membership,
  request: PageRequest,
  calendar: DebtorCalendarSql | null,
): SQL {
  if (membership.branches.length === 0) return sql`select null as id where false`;
  const sort = SORTS[request.sort.field];
  const column = sql.raw(sort.name);
  const direction = sql.raw(request.sort.direction);
  const order = sql`order by ${column} ${direction}, id ${direction}`;
  const offset = (request.page - 1) * request.pageSize;
  const window = sql`limit ${literalCount(request.pageSize)} offset ${literalCount(offset)}`;
  const cut = sql`${order} limit ${literalCount(offset + request.pageSize)}`;
  const merged = (select: (from: SQL) => SQL) => {
    const branches = membership.branches.map((branch) => {
      const source = branchSource(branch, sort.walk);
      return sql`${select(source.from)} where ${source.where} and ${membership.condition}`;
    });
    // One branch (an agent's own cases) is the page itself.
    if (branches.length === 1) return sql`${branches[0]} ${order} ${window}`;
    return sql`select * from (${sql.join(
      branches.map((branch) => sql`(${branch} ${cut})`),
      sql` union all `,
    )}) as queue ${order} ${window}`;
  };
  if (calendar === null) {
    return merged(
      (from) =>
        sql`select ${pageColumns(sort.walk.id)} from ${from} join ${debtors} on ${debtors.id} = ${cases.debtorId}`,
    );
  }
  const picked = merged(
    (from) =>
      sql`select ${sort.walk.id} as id, ${sort.column} as ${column} from ${from} cross join lateral ${calendar.today}`,
  );
  return sql`select ${pageColumns(sql`picked.id`)} from (${picked}) as picked
    join ${cases} on ${cases.id} = picked.id join ${q} on ${q.caseId} = picked.id
    join ${debtors} on ${debtors.id} = ${cases.debtorId}
    order by picked.${column} ${direction}, picked.id ${direction}`;
}

/** How many cases a queue holds, counting no further than QUEUE_COUNT_CAP. */
export async function countQueue(
  db: Executor,
  membership: Membership,
  now: Date,
): Promise<{ count: number; capped: boolean }> {
  if (membership.branches.length === 0) return { count: 0, capped: false };
  const calendar = membership.needsDebtorToday ? await debtorCalendarSql(db, now) : null;
  const [row] = await readQueue(db, membership, (read) =>
    queryRows<{ queue_count: number }>(
      read,
      sql`${withCalendar(calendar)} ${countQuery(membership, calendar)}`,
    ),
  );
  return cappedCount(row?.queue_count ?? 0);
}

/**
 * Counting reads no debtor: a promise queue's candidates are judged from their index, as for the page. The cap
 * applies to the branches together: counting stops at the first case past it, and the branches after that are
 * never read.
 */
function countQuery(membership: Membership, calendar: DebtorCalendarSql | null): SQL {
  const today = calendar === null ? sql`` : sql`cross join lateral ${calendar.today}`;
  const branch = (b: Branch) => {
    const { from, where } = branchSource(b, ON_QUEUE);
    return sql`(select 1 from ${from} ${today} where ${where} and ${membership.condition})`;
  };
  return sql`select count(*)::int as queue_count from (select 1 from
    (${sql.join(membership.branches.map(branch), sql` union all `)}) as members limit ${literalCount(QUEUE_COUNT_CAP + 1)}) as capped`;
}

function cappedCount(count: number): { count: number; capped: boolean } {
  return { count: Math.min(count, QUEUE_COUNT_CAP), capped: count > QUEUE_COUNT_CAP };
}
