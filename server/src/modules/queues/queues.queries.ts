import { QUEUE_COUNT_CAP, type QueueSortField } from '@arrears/shared/schemas/queues';
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client.ts';
import { cases, debtors } from '../../db/schema/index.ts';
import { debtorTodayJoin } from './debtor-calendar.ts';
import type { Membership } from './queue-membership.ts';

const SORT_COLUMNS = {
  priority: 'priority',
  balance: 'balance_minor',
  daysPastDue: 'days_past_due',
  nextWorkableAt: 'next_workable_at',
} satisfies Record<QueueSortField, string>;

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
  blocked_reason: string | null;
  claimed_by: string | null;
  claim_expires_at: Date | string | null;
}

const instant = (value: Date | string | null) => (value === null ? null : new Date(value));

/**
 * The cases with their debtors (a page shows the name), and with the debtor's today when the queue reads it. Then
 * the debtor is looked up per case (a lateral subquery kept from being flattened): a promise queue's page walks a
 * few thousand candidates at most, and as a plain join the planner has chosen to hash all the debtors of the book (a
 * sequential scan of a million rows); with a plain join the promise pages measured 40 % slower. The count reads no
 * debtor at all (countQuery).
 */
function fromClause(today: SQL | null): SQL {
  if (today === null) return sql`${cases} join ${debtors} on ${debtors.id} = ${cases.debtorId}`;
  return sql`${cases} cross join lateral (select * from ${debtors} where ${debtors.id} = ${cases.debtorId} offset 0)
    as ${debtors} cross join lateral ${today}`;
}

/**
 * Runs a queue's read. A queue that reads the debtor's calendar (the promise queues) is planned for its values
 * every time: a generic plan of the prepared statement cannot know how many cases one owner has on a date, and the
 * one PostgreSQL chose hashed where it should have walked (about 0.8 s instead of 0.2 s on the million-case seed).
 */
function readQueue<T>(db: Executor, membership: Membership, read: (db: Executor) => Promise<T>): Promise<T> {
  if (!membership.needsDebtorToday) return read(db);
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local plan_cache_mode = force_custom_plan`);
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
    blockedReason: row.blocked_reason,
    claimedBy: row.claimed_by,
    claimExpiresAt: instant(row.claim_expires_at),
  };
}

/**
 * One page of a queue and how many cases the queue holds (capped, see countQueue), in one statement: the capped
 * count with the page joined laterally, so an empty page still answers its count. Each branch of the page (one
 * owner) is ordered and cut on its own, so each is one walk of an index on (owner, sort column, id) read forwards
 * or backwards; the branches are then merged. The id breaks ties in the sort's own direction, so the order is total
 * and paging stable. Null workable instants (no phone can be called) sort as PostgreSQL does by default: after
 * every instant ascending, first descending.
 */
export async function queuePageAndCount(
  db: Executor,
  membership: Membership,
  request: PageRequest,
  now: Date,
): Promise<{ rows: PageRow[]; total: { count: number; capped: boolean } }> {
  if (membership.branches.length === 0) return { rows: [], total: { count: 0, capped: false } };
  const today = membership.needsDebtorToday ? await debtorTodayJoin(db, now) : null;
  const found = await readQueue(db, membership, (read) =>
    queryRows<RawRow & { queue_count: number }>(
      read,
      sql`select counted.queue_count, page.* from (${countQuery(membership, today)}) counted
        left join lateral (${queuePageQuery(membership, request, today)}) page on true`,
    ),
  );
  return {
    rows: found.filter((row) => row.id !== null).map(pageRow),
    total: cappedCount(found[0]?.queue_count ?? 0),
  };
}

/** The page's SQL (the bench prints its plan). */
export function queuePageQuery(membership: Membership, request: PageRequest, today: SQL | null): SQL {
  const column = sql.raw(SORT_COLUMNS[request.sort.field]);
  const direction = sql.raw(request.sort.direction);
  const order = sql`order by ${column} ${direction}, id ${direction}`;
  const offset = (request.page - 1) * request.pageSize;
  const branch = (owner: SQL) => sql`(select ${cases.id} as id, ${cases.accountRef} as account_ref,
      ${debtors.fullName} as debtor_name, ${cases.currency} as currency, ${cases.balanceMinor} as balance_minor,
      ${cases.daysPastDue} as days_past_due, ${cases.bucket} as bucket, ${cases.stage} as stage,
      ${cases.priority} as priority, ${cases.lastContactAt} as last_contact_at,
      ${cases.nextWorkableAt} as next_workable_at, ${cases.blockedRuleId} as blocked_rule_id,
      ${cases.blockedReason} as blocked_reason, ${cases.claimedBy} as claimed_by,
      ${cases.claimExpiresAt} as claim_expires_at
    from ${fromClause(today)} where ${owner} and ${membership.condition}
    ${order} limit ${offset + request.pageSize})`;
  if (membership.branches.length === 0) return sql`select null as id where false`;
  return sql`select * from (${sql.join(membership.branches.map(branch), sql` union all `)}) as queue
    ${order} limit ${request.pageSize} offset ${offset}`;
}

/** How many cases a queue holds, counting no further than QUEUE_COUNT_CAP. */
export async function countQueue(
  db: Executor,
  membership: Membership,
  now: Date,
): Promise<{ count: number; capped: boolean }> {
  if (membership.branches.length === 0) return { count: 0, capped: false };
  const today = membership.needsDebtorToday ? await debtorTodayJoin(db, now) : null;
  const [row] = await readQueue(db, membership, (read) =>
    queryRows<{ queue_count: number }>(read, countQuery(membership, today)),
  );
  return cappedCount(row?.queue_count ?? 0);
}

function countQuery(membership: Membership, today: SQL | null): SQL {
  // Counting needs no debtor: the debtor's today comes from the case's zone hint (or its own lookup).
  const from = today === null ? sql`${cases}` : sql`${cases} cross join lateral ${today}`;
  const branch = (owner: SQL) =>
    sql`(select 1 from ${from} where ${owner} and ${membership.condition} limit ${QUEUE_COUNT_CAP + 1})`;
  return sql`select count(*)::int as queue_count
    from (${sql.join(membership.branches.map(branch), sql` union all `)}) as capped`;
}

function cappedCount(count: number): { count: number; capped: boolean } {
  return { count: Math.min(count, QUEUE_COUNT_CAP), capped: count > QUEUE_COUNT_CAP };
}
