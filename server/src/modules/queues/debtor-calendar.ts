import { localDateOnce } from '@arrears/shared/domain/calendar';
import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { caseQueueState } from '../../db/schema/index.ts';
import { jurisdictionZoneKeys, knownZoneNames } from '../../db/zone-names.ts';

const SLOT_MS = 15 * 60_000;
let cached: { slot: number; json: string } | null = null;

/**
 * Today's date in every known zone, plus `J:<country>:<region>` keys for the jurisdiction fallback, as one JSON
 * object. A zone that is not a key (a typo) reads as unknown, as the facts mapping drops zones the engine does not
 * know. Offsets are whole quarter hours, so the map is rebuilt once per quarter hour.
 */
async function localDatesJson(db: Executor, now: Date): Promise<string> {
  const slot = Math.floor(now.getTime() / SLOT_MS);
  if (cached?.slot === slot) return cached.json;
  const at = new Date(slot * SLOT_MS);
  const dates: Record<string, string> = {};
  for (const zone of await knownZoneNames(db)) dates[zone] = localDateOnce(zone, at);
  for (const [key, zone] of Object.entries(jurisdictionZoneKeys())) dates[key] = localDateOnce(zone, at);
  cached = { slot, json: JSON.stringify(dates) };
  return cached.json;
}

/** The name under which the debtor's "today" is joined into a queue query (`debtor_today.today`). */
export const debtorToday = sql`debtor_today.today`;

/** The debtor's calendar in a queue statement: the zone map as a CTE, and the lateral join that reads it. */
export interface DebtorCalendarSql {
  /** `zone_date_map as materialized (…)`, for the statement's WITH: the map is sent and parsed once per statement. */
  zoneDates: SQL;
  /** Joined laterally after the cases: each case's debtor's today as `debtor_today.today`. */
  today: SQL;
}

/**
 * Each case's debtor's "today" as a SQL date, read from its queue row (case_queue_state): the SQL copy of the shared calendar's debtorCalendarZone and localDate
 * (the named zone, else the first contact point's known zone, else the jurisdiction's), checked against them by
 * tests/integration/calendar-sql.test.ts. The case's calendar-zone hint (kept by a trigger: the named zone,
 * else the first contact point's zone) answers directly when it is a known zone, which is the rule's answer then;
 * only otherwise is the debtor read and the rule applied in full (the database function debtor_calendar_date of
 * migration 0020, which is not planned into the statement), so the promise queues judge a candidate from their index
 * (the hint and the debtor id are in it). The map is one parameter of the statement, in a CTE that every
 * branch reads once (an uncorrelated scalar subquery); `offset 0` keeps the lateral subquery whole, so it is computed
 * once per row however often the rule reads it.
 */
export async function debtorCalendarSql(db: Executor, now: Date): Promise<DebtorCalendarSql> {
  const json = await localDatesJson(db, now);
  const fullRule = sql`debtor_calendar_date(${caseQueueState.debtorId}, zone_dates.m)`;
  return {
    zoneDates: sql`zone_date_map as materialized (select ${json}::jsonb as m)`,
    today: sql`(select coalesce((zone_dates.m ->> ${caseQueueState.calendarZoneHint})::date, ${fullRule}) as today
      from (select (select m from zone_date_map) as m) as zone_dates offset 0) as debtor_today`,
  };
}
