import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client.ts';

/**
 * Report rollups (decision record 011). Collections, contacts, promises and vintage cohorts are kept by
 * triggers (drizzle/0006); bucket rolls depend on the calendar, not on an insert, so `snapshotBuckets` writes
 * them, once per completed month. `backfillReportRollups` rebuilds everything from the raw rows.
 */

/** Days past due → bucket, in SQL; the same limits as `bucketFor` (shared/src/domain/buckets.ts). */
function bucketSql(dpd: SQL): SQL {
  return sql`case when ${dpd} <= 0 then 'current' when ${dpd} <= 30 then 'dpd_1_30'
    when ${dpd} <= 60 then 'dpd_31_60' when ${dpd} <= 90 then 'dpd_61_90' when ${dpd} <= 120 then 'dpd_91_120'
    when ${dpd} <= 180 then 'dpd_121_180' else 'dpd_181_plus' end`;
}

/** `YYYY-MM-01` of the UTC month of an instant, shifted by `shift` months. */
export function monthStart(at: Date, shift = 0): string {
  const d = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + shift, 1));
  return d.toISOString().slice(0, 10);
}

/**
 * Writes (replaces) the bucket rolls of one calendar month `month` (`YYYY-MM-01`). A case's state at a month
 * end is `closed` once it closed before the end, otherwise the bucket of its days past due on the month's
 * last day (that day minus the due date); a case placed during the month rolls from `new`. Cases closed
 * before the month began are left out.
 */
export async function snapshotMonth(tx: Executor, month: string): Promise<void> {
  const start = sql`(${month}::date)::timestamp at time zone 'UTC'`;
  const end = sql`((${month}::date + interval '1 month'))::timestamp at time zone 'UTC'`;
  const lastDayBefore = sql`(${month}::date - 1)`;
  const lastDay = sql`((${month}::date + interval '1 month')::date - 1)`;
  await tx.execute(sql`delete from report_bucket_rolls where month = ${month}::date`);
  await tx.execute(sql`
    insert into report_bucket_rolls (month, portfolio_id, currency, from_bucket, to_bucket, case_count)
    select ${month}::date, portfolio_id, currency, from_bucket, to_bucket, count(*)::int
      from (select portfolio_id, currency,
                   case when placed_at >= ${start} then 'new'
                        else ${bucketSql(sql`(${lastDayBefore} - due_date)`)} end as from_bucket,
                   case when closed_at < ${end} then 'closed'
                        else ${bucketSql(sql`(${lastDay} - due_date)`)} end as to_bucket
              from cases
             where placed_at < ${end} and (closed_at is null or closed_at >= ${start})) x
     group by 2, 3, 4, 5`);
}

/**
 * The nightly hook: writes the bucket rolls of the last month completed before `asOf` (UTC), unless they are
 * already there. Called from the nightly roll; cheap on every night but the first of a month.
 */
export async function snapshotBuckets(
  tx: Executor,
  asOf: Date,
): Promise<{ month: string; written: boolean }> {
  const month = monthStart(asOf, -1);
  const [done] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from report_bucket_rolls where month = ${month}::date`,
  );
  if ((done?.n ?? 0) > 0) return { month, written: false };
  const [any] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from cases where placed_at < (${month}::date + interval '1 month')::timestamp at time zone 'UTC'`,
  );
  if ((any?.n ?? 0) === 0) return { month, written: false };
  await snapshotMonth(tx, month);
  return { month, written: true };
}

/** Writes the bucket rolls of every completed month from the first placement up to `now`; the count written. */
export async function snapshotBucketMonths(db: Executor, now: Date): Promise<number> {
  const [first] = await queryRows<{ month: string | null }>(
    db,
    sql`select to_char(min(placed_at) at time zone 'UTC', 'YYYY-MM-01') as month from cases`,
  );
  const last = monthStart(now, -1);
  let months = 0;
  for (let month = first?.month ?? null; month !== null && month <= last; ) {
    await snapshotMonth(db, month);
    months += 1;
    month = monthStart(new Date(`${month}T00:00:00Z`), 1);
  }
  return months;
}

/**
 * Rebuilds every rollup from the raw rows, in one transaction that holds the source tables still (SHARE
 * locks: reads go on, writes wait). Payments credit the case's assigned agent as it is now.
 */
export async function backfillReportRollups(
  db: Executor,
  now: Date,
  log: (message: string) => void = () => {},
): Promise<{ months: number }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`lock table cases, payments, contact_log, promises, agency_placements in share mode`);
    await tx.execute(sql`truncate report_daily_collections, report_vintage_collections, report_vintage_cohorts,
      report_daily_contacts, report_daily_promises, report_bucket_rolls, report_agency_balances`);
    await tx.execute(sql`
      insert into report_vintage_cohorts (portfolio_id, placement_month, currency, case_count, placed_minor)
      select portfolio_id, date_trunc('month', placed_at at time zone 'UTC')::date, currency, count(*),
             sum(principal_minor + interest_minor + fees_minor)
        from cases group by 1, 2, 3`);
    log('vintage cohorts');
    await tx.execute(sql`
      insert into report_daily_collections (day, portfolio_id, currency, agent_id, amount_minor, payment_count)
      select (p.received_at at time zone 'UTC')::date, c.portfolio_id, p.currency, c.assigned_agent_id,
             sum(p.amount_minor), count(*) filter (where p.amount_minor > 0)
        from payments p join cases c on c.id = p.case_id
       group by 1, 2, 3, 4`);
    await tx.execute(sql`
      insert into report_vintage_collections (portfolio_id, placement_month, currency, months_since, amount_minor)
      select c.portfolio_id, date_trunc('month', c.placed_at at time zone 'UTC')::date, p.currency,
             ((extract(year from p.received_at at time zone 'UTC') - extract(year from c.placed_at at time zone 'UTC')) * 12
              + extract(month from p.received_at at time zone 'UTC') - extract(month from c.placed_at at time zone 'UTC'))::int,
             sum(p.amount_minor)
        from payments p join cases c on c.id = p.case_id
       group by 1, 2, 3, 4`);
    log('collections');
    await tx.execute(sql`
      insert into report_daily_contacts
             (day, portfolio_id, currency, agent_id, contacts, call_attempts, right_party_contacts)
      select (l.occurred_at at time zone 'UTC')::date, c.portfolio_id, c.currency, l.agent_id, count(*),
             count(*) filter (where l.direction = 'outbound' and l.kind in ('call', 'autodial_call')),
             count(*) filter (where l.direction = 'outbound' and l.kind in ('call', 'autodial_call')
                                and l.outcome = 'conversation')
        from contact_log l join cases c on c.id = l.case_id
       group by 1, 2, 3, 4`);
    log('contacts');
    await tx.execute(sql`
      insert into report_daily_promises (due_date, portfolio_id, currency, agent_id, status, promise_count, amount_minor)
      select p.due_date, c.portfolio_id, p.currency, p.created_by, p.status, count(*), sum(p.amount_minor)
        from promises p join cases c on c.id = p.case_id
       group by 1, 2, 3, 4, 5`);
    log('promises');
    await tx.execute(sql`
      insert into report_agency_balances (kind, day, agency_id, portfolio_id, currency, placement_count, amount_minor)
      select e.kind, e.day, ap.agency_id, c.portfolio_id, ap.currency, count(*), sum(ap.balance_at_placement_minor)
        from agency_placements ap
        join cases c on c.id = ap.case_id
        cross join lateral (values ('placed', (ap.placed_at at time zone 'UTC')::date),
                                   ('recalled', (ap.recalled_at at time zone 'UTC')::date),
                                   ('open', null::date)) e(kind, day)
       where e.kind = 'placed' or (e.kind = 'recalled' and ap.recalled_at is not null)
          or (e.kind = 'open' and ap.status = 'placed')
       group by 1, 2, 3, 4, 5`);
    log('agency balances');
    const months = await snapshotBucketMonths(tx, now);
    log(`bucket rolls of ${months} months`);
    return { months };
  });
}
