import type { ReportFilters, ReportGrain } from '@arrears/shared/schemas/reports';
import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import {
  agencies,
  agencyPlacements,
  cases,
  contactLog,
  payments,
  promises,
  reportAgencyBalances,
  reportBucketRolls,
  reportDailyCollections,
  reportDailyContacts,
  reportDailyPromises,
  reportVintageCohorts,
  reportVintageCollections,
  teams,
  users,
} from '../../db/schema/index.ts';

/**
 * The reports' SQL (decision records 011 and 030): grouped sums over the rollups, and the rollups' own writes. Tables
 * and columns are named through the Drizzle schema, never as text, so a renamed column breaks the typecheck rather
 * than a report. A column renders qualified by its table (`"cases"."placed_at"`), so each table appears once in a
 * FROM and needs no alias; an INSERT's column list takes `names(...)`, unqualified.
 */

const collections = reportDailyCollections;
const contacts = reportDailyContacts;
const promiseDays = reportDailyPromises;
const cohorts = reportVintageCohorts;
const vintage = reportVintageCollections;
const rolls = reportBucketRolls;
const balances = reportAgencyBalances;

/** An INSERT's column list: the columns' names, unqualified. */
const names = (...columns: AnyPgColumn[]): SQL =>
  sql.join(
    columns.map((column) => sql.identifier(column.name)),
    sql`, `,
  );

/** ` and <column> = any(<the filter's portfolios>)`, or nothing when the filter names none. */
function portfolioClause(filters: ReportFilters, column: AnyPgColumn): SQL {
  if (filters.portfolioIds.length === 0) return sql``;
  return sql` and ${column} = any(string_to_array(${filters.portfolioIds.join(',')}, ',')::uuid[])`;
}

/** `<day> between from and to` of the filter, and its portfolios. */
const daysOf = (filters: ReportFilters, day: AnyPgColumn, portfolio: AnyPgColumn): SQL =>
  sql`${day} between ${filters.from}::date and ${filters.to}::date${portfolioClause(filters, portfolio)}`;

// ---- reads --------------------------------------------------------------------------------------------------

export const collectedByPeriod = (filters: ReportFilters, grain: ReportGrain): SQL =>
  sql`select to_char(date_trunc(${grain}, ${collections.day}::timestamp), 'YYYY-MM-DD') as period,
             ${collections.portfolioId}, ${collections.currency},
             sum(${collections.amountMinor})::bigint as amount, sum(${collections.paymentCount})::int as count
        from ${collections}
       where ${daysOf(filters, collections.day, collections.portfolioId)}
       group by 1, 2, 3
      having sum(${collections.paymentCount}) <> 0 or sum(${collections.amountMinor}) <> 0`;

/** Cohorts placed in the months `first`…`last` (each `YYYY-MM-01`). */
export const vintageCohorts = (filters: ReportFilters, first: string, last: string): SQL =>
  sql`select ${cohorts.portfolioId}, ${cohorts.placementMonth}::text as month, ${cohorts.currency},
             ${cohorts.caseCount}, ${cohorts.placedMinor}
        from ${cohorts}
       where ${cohorts.placementMonth} between ${first}::date and ${last}::date${portfolioClause(filters, cohorts.portfolioId)}`;

/** What those cohorts collected, by months since placement. */
export const vintageCollected = (filters: ReportFilters, first: string, last: string): SQL =>
  sql`select ${vintage.portfolioId}, ${vintage.placementMonth}::text as month, ${vintage.currency},
             ${vintage.monthsSince}, ${vintage.amountMinor}
        from ${vintage}
       where ${vintage.placementMonth} between ${first}::date and ${last}::date${portfolioClause(filters, vintage.portfolioId)}`;

/** Placed per month before `afterLast` (`YYYY-MM-01`). */
export const placedByMonth = (filters: ReportFilters, afterLast: string): SQL =>
  sql`select ${cohorts.portfolioId}, ${cohorts.currency}, ${cohorts.placementMonth}::text as month,
             sum(${cohorts.placedMinor})::bigint as amount
        from ${cohorts}
       where ${cohorts.placementMonth} < ${afterLast}::date${portfolioClause(filters, cohorts.portfolioId)}
       group by 1, 2, 3`;

/** Collected per month before `afterLast` (`YYYY-MM-01`). */
export const collectedByMonth = (filters: ReportFilters, afterLast: string): SQL =>
  sql`select ${collections.portfolioId}, ${collections.currency}, to_char(${collections.day}, 'YYYY-MM-01') as month,
             sum(${collections.amountMinor})::bigint as amount
        from ${collections}
       where ${collections.day} < ${afterLast}::date${portfolioClause(filters, collections.portfolioId)}
       group by 1, 2, 3`;

/** Bucket rolls of the months `first`…`last`. */
export const bucketRolls = (filters: ReportFilters, first: string, last: string): SQL =>
  sql`select ${rolls.month}::text as month, ${rolls.fromBucket}, ${rolls.toBucket},
             sum(${rolls.caseCount})::int as count
        from ${rolls}
       where ${rolls.month} between ${first}::date and ${last}::date${portfolioClause(filters, rolls.portfolioId)}
       group by 1, 2, 3`;

const keptOrBroken = (filters: ReportFilters): SQL =>
  sql`${daysOf(filters, promiseDays.dueDate, promiseDays.portfolioId)} and ${promiseDays.status} in ('kept', 'broken')`;

export const promisesKeptByMonth = (filters: ReportFilters): SQL =>
  sql`select to_char(${promiseDays.dueDate}, 'YYYY-MM-01') as month, ${promiseDays.portfolioId}, ${promiseDays.currency},
             sum(${promiseDays.promiseCount}) filter (where ${promiseDays.status} = 'kept')::int as kept,
             sum(${promiseDays.promiseCount}) filter (where ${promiseDays.status} = 'broken')::int as broken,
             sum(${promiseDays.amountMinor}) filter (where ${promiseDays.status} = 'kept')::bigint as kept_minor,
             sum(${promiseDays.amountMinor}) filter (where ${promiseDays.status} = 'broken')::bigint as broken_minor
        from ${promiseDays}
       where ${keptOrBroken(filters)}
       group by 1, 2, 3`;

export const rightPartyByMonth = (filters: ReportFilters): SQL =>
  sql`select to_char(${contacts.day}, 'YYYY-MM-01') as month, ${contacts.portfolioId},
             sum(${contacts.callAttempts})::int as attempts, sum(${contacts.rightPartyContacts})::int as rpc
        from ${contacts}
       where ${daysOf(filters, contacts.day, contacts.portfolioId)}
       group by 1, 2 having sum(${contacts.callAttempts}) > 0`;

/** Contacts per (portfolio, currency) in the range, as `v`. */
export const contactsByPortfolio = (filters: ReportFilters): SQL =>
  sql`select ${contacts.portfolioId}, ${contacts.currency}, sum(${contacts.contacts})::int as v
        from ${contacts} where ${daysOf(filters, contacts.day, contacts.portfolioId)} group by 1, 2`;

/** Collected per (portfolio, currency) in the range, as `v`. */
export const collectedByPortfolio = (filters: ReportFilters): SQL =>
  sql`select ${collections.portfolioId}, ${collections.currency}, sum(${collections.amountMinor})::bigint as v
        from ${collections} where ${daysOf(filters, collections.day, collections.portfolioId)} group by 1, 2`;

export const collectedByAgent = (filters: ReportFilters): SQL =>
  sql`select ${collections.agentId}, ${collections.currency},
             sum(${collections.amountMinor})::bigint as amount, sum(${collections.paymentCount})::int as count
        from ${collections} where ${daysOf(filters, collections.day, collections.portfolioId)} group by 1, 2`;

export const contactsByAgent = (filters: ReportFilters): SQL =>
  sql`select ${contacts.agentId}, ${contacts.currency}, sum(${contacts.contacts})::int as contacts,
             sum(${contacts.callAttempts})::int as attempts, sum(${contacts.rightPartyContacts})::int as rpc
        from ${contacts} where ${daysOf(filters, contacts.day, contacts.portfolioId)} group by 1, 2`;

export const promisesKeptByAgent = (filters: ReportFilters): SQL =>
  sql`select ${promiseDays.agentId}, ${promiseDays.currency},
             sum(${promiseDays.promiseCount}) filter (where ${promiseDays.status} = 'kept')::int as kept,
             sum(${promiseDays.promiseCount}) filter (where ${promiseDays.status} = 'broken')::int as broken
        from ${promiseDays}
       where ${keptOrBroken(filters)}
       group by 1, 2`;

/** Every user with their team's name. */
export const usersWithTeams = (): SQL =>
  sql`select ${users.id}, ${users.name}, ${users.teamId}, ${teams.name} as team_name
        from ${users} left join ${teams} on ${teams.id} = ${users.teamId}`;

export function agencyBalances(filters: ReportFilters): SQL {
  const b = balances;
  const inRange = sql`${b.day} between ${filters.from}::date and ${filters.to}::date`;
  const sum = (column: AnyPgColumn, kind: string, ranged: boolean) =>
    sql`coalesce(sum(${column}) filter (where ${b.kind} = ${sql.raw(`'${kind}'`)}${ranged ? sql` and ${inRange}` : sql``}), 0)`;
  return sql`select ${b.agencyId}, ${agencies.name} as agency_name, ${b.currency},
             ${sum(b.placementCount, 'placed', true)}::int as placed_count,
             ${sum(b.amountMinor, 'placed', true)}::bigint as placed_minor,
             ${sum(b.placementCount, 'recalled', true)}::int as recalled_count,
             ${sum(b.amountMinor, 'recalled', true)}::bigint as recalled_minor,
             ${sum(b.placementCount, 'open', false)}::int as open_count,
             ${sum(b.amountMinor, 'open', false)}::bigint as open_minor
        from ${b}
        join ${agencies} on ${agencies.id} = ${b.agencyId}
       where (${b.kind} = 'open' or ${inRange})${portfolioClause(filters, b.portfolioId)}
       group by 1, 2, 3`;
}

// ---- the rollups' writes ------------------------------------------------------------------------------------

/** Days past due → bucket, in SQL; the same limits as `bucketFor` (shared/src/domain/buckets.ts). */
function bucketSql(dpd: SQL): SQL {
  return sql`case when ${dpd} <= 0 then 'current' when ${dpd} <= 30 then 'dpd_1_30'
    when ${dpd} <= 60 then 'dpd_31_60' when ${dpd} <= 90 then 'dpd_61_90' when ${dpd} <= 120 then 'dpd_91_120'
    when ${dpd} <= 180 then 'dpd_121_180' else 'dpd_181_plus' end`;
}

export const deleteBucketRolls = (month: string): SQL =>
  sql`delete from ${rolls} where ${rolls.month} = ${month}::date`;

export const countBucketRolls = (month: string): SQL =>
  sql`select count(*)::int as n from ${rolls} where ${rolls.month} = ${month}::date`;

/** Cases placed before the end of the month `month` (`YYYY-MM-01`), as `n`. */
export const countCasesPlacedBefore = (month: string): SQL =>
  sql`select count(*)::int as n from ${cases} where ${cases.placedAt} < (${month}::date + interval '1 month')::timestamp at time zone 'UTC'`;

/** The UTC month (`YYYY-MM-01`) of the first placement, or null. */
export const firstPlacementMonth = (): SQL =>
  sql`select to_char(min(${cases.placedAt}) at time zone 'UTC', 'YYYY-MM-01') as month from ${cases}`;

/** Writes the bucket rolls of the month `month` (after `deleteBucketRolls`): see `snapshotMonth`. */
export function insertBucketRolls(month: string): SQL {
  const start = sql`(${month}::date)::timestamp at time zone 'UTC'`;
  const end = sql`((${month}::date + interval '1 month'))::timestamp at time zone 'UTC'`;
  const lastDayBefore = sql`(${month}::date - 1)`;
  const lastDay = sql`((${month}::date + interval '1 month')::date - 1)`;
  return sql`
    insert into ${rolls} (${names(rolls.month, rolls.portfolioId, rolls.currency, rolls.fromBucket, rolls.toBucket, rolls.caseCount)})
    select ${month}::date, portfolio_id, currency, from_bucket, to_bucket, count(*)::int
      from (select ${cases.portfolioId}, ${cases.currency},
                   case when ${cases.placedAt} >= ${start} then 'new'
                        else ${bucketSql(sql`(${lastDayBefore} - ${cases.dueDate})`)} end as from_bucket,
                   case when ${cases.closedAt} < ${end} then 'closed'
                        else ${bucketSql(sql`(${lastDay} - ${cases.dueDate})`)} end as to_bucket
              from ${cases}
             where ${cases.placedAt} < ${end} and (${cases.closedAt} is null or ${cases.closedAt} >= ${start})) x
     group by 2, 3, 4, 5`;
}

/** The tables the rollups are rebuilt from, and the rollups themselves. */
const SOURCES: PgTable[] = [cases, payments, contactLog, promises, agencyPlacements];
const ROLLUPS: PgTable[] = [collections, vintage, cohorts, contacts, promiseDays, rolls, balances];
const list = (tables: PgTable[]): SQL => sql.join(tables, sql`, `);

/** Holds the sources still for a rebuild: reads go on, writes wait. */
export const lockRollupSources = (): SQL => sql`lock table ${list(SOURCES)} in share mode`;

export const truncateRollups = (): SQL => sql`truncate ${list(ROLLUPS)}`;

const utcDay = (instant: AnyPgColumn): SQL => sql`(${instant} at time zone 'UTC')::date`;
const utcMonth = (instant: AnyPgColumn): SQL => sql`date_trunc('month', ${instant} at time zone 'UTC')::date`;
const utcPart = (part: 'year' | 'month', instant: AnyPgColumn): SQL =>
  sql`extract(${sql.raw(part)} from ${instant} at time zone 'UTC')`;
const outboundCall = sql`${contactLog.direction} = 'outbound' and ${contactLog.kind} in ('call', 'autodial_call')`;

/** The rebuild's inserts, in order, each with what it logs after it ran (null: nothing). */
export const rebuildRollups = (): [SQL, string | null][] => [
  [
    sql`
      insert into ${cohorts} (${names(cohorts.portfolioId, cohorts.placementMonth, cohorts.currency, cohorts.caseCount, cohorts.placedMinor)})
      select ${cases.portfolioId}, ${utcMonth(cases.placedAt)}, ${cases.currency}, count(*),
             sum(${cases.principalMinor} + ${cases.interestMinor} + ${cases.feesMinor})
        from ${cases} group by 1, 2, 3`,
    'vintage cohorts',
  ],
  [
    sql`
      insert into ${collections} (${names(collections.day, collections.portfolioId, collections.currency, collections.agentId, collections.amountMinor, collections.paymentCount)})
      select ${utcDay(payments.receivedAt)}, ${cases.portfolioId}, ${payments.currency}, ${cases.assignedAgentId},
             sum(${payments.amountMinor}), count(*) filter (where ${payments.amountMinor} > 0)
        from ${payments} join ${cases} on ${cases.id} = ${payments.caseId}
       group by 1, 2, 3, 4`,
    null,
  ],
  [
    sql`
      insert into ${vintage} (${names(vintage.portfolioId, vintage.placementMonth, vintage.currency, vintage.monthsSince, vintage.amountMinor)})
      select ${cases.portfolioId}, ${utcMonth(cases.placedAt)}, ${payments.currency},
             ((${utcPart('year', payments.receivedAt)} - ${utcPart('year', cases.placedAt)}) * 12
              + ${utcPart('month', payments.receivedAt)} - ${utcPart('month', cases.placedAt)})::int,
             sum(${payments.amountMinor})
        from ${payments} join ${cases} on ${cases.id} = ${payments.caseId}
       group by 1, 2, 3, 4`,
    'collections',
  ],
  [
    sql`
      insert into ${contacts}
             (${names(contacts.day, contacts.portfolioId, contacts.currency, contacts.agentId, contacts.contacts, contacts.callAttempts, contacts.rightPartyContacts)})
      select ${utcDay(contactLog.occurredAt)}, ${cases.portfolioId}, ${cases.currency}, ${contactLog.agentId}, count(*),
             count(*) filter (where ${outboundCall}),
             count(*) filter (where ${outboundCall} and ${contactLog.outcome} = 'conversation')
        from ${contactLog} join ${cases} on ${cases.id} = ${contactLog.caseId}
       group by 1, 2, 3, 4`,
    'contacts',
  ],
  [
    sql`
      insert into ${promiseDays} (${names(promiseDays.dueDate, promiseDays.portfolioId, promiseDays.currency, promiseDays.agentId, promiseDays.status, promiseDays.promiseCount, promiseDays.amountMinor)})
      select ${promises.dueDate}, ${cases.portfolioId}, ${promises.currency}, ${promises.createdBy}, ${promises.status},
             count(*), sum(${promises.amountMinor})
        from ${promises} join ${cases} on ${cases.id} = ${promises.caseId}
       group by 1, 2, 3, 4, 5`,
    'promises',
  ],
  [
    sql`
      insert into ${balances} (${names(balances.kind, balances.day, balances.agencyId, balances.portfolioId, balances.currency, balances.placementCount, balances.amountMinor)})
      select e.kind, e.day, ${agencyPlacements.agencyId}, ${cases.portfolioId}, ${agencyPlacements.currency}, count(*),
             sum(${agencyPlacements.balanceAtPlacementMinor})
        from ${agencyPlacements}
        join ${cases} on ${cases.id} = ${agencyPlacements.caseId}
        cross join lateral (values ('placed', ${utcDay(agencyPlacements.placedAt)}),
                                   ('recalled', ${utcDay(agencyPlacements.recalledAt)}),
                                   ('open', null::date)) e(kind, day)
       where e.kind = 'placed' or (e.kind = 'recalled' and ${agencyPlacements.recalledAt} is not null)
          or (e.kind = 'open' and ${agencyPlacements.status} = 'placed')
       group by 1, 2, 3, 4, 5`,
    'agency balances',
  ],
];
