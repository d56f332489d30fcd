import {
  CHINA_ZONES,
  CONTIGUOUS_US_ZONES,
  US_STATE_ZONES,
  zonesForJurisdiction,
} from '@arrears/shared/compliance/jurisdiction-zones';
import { isValidTimeZone, zoneClock } from '@arrears/shared/compliance/time';
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client.ts';
import { cases } from '../../db/schema/index.ts';

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` on the zone's calendar at `now`. */
export function localDateIn(zone: string, now: Date): string {
  return new Date(zoneClock(zone).dayOf(now.getTime()) * DAY_MS).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` `days` after `date`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

const SLOT_MS = 15 * 60_000;
let zoneNames: Promise<string[]> | null = null;
let cached: { slot: number; json: string } | null = null;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** `YYYY-MM-DD` in a zone by a cached formatter (`en-CA` writes ISO dates): cheap for a thousand zones. */
function isoDateIn(zone: string, at: Date): string {
  let format = formatters.get(zone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(zone, format);
  }
  return format.format(at);
}

/**
 * Every zone name the database can convert that the engine also accepts (isValidTimeZone), plus the
 * jurisdictions' zones. Read once per process: the catalog view takes a few hundred milliseconds.
 */
function knownZones(db: Executor): Promise<string[]> {
  zoneNames ??= queryRows<{ name: string }>(db, sql`select name from pg_timezone_names`).then((rows) => {
    const names = new Set(rows.map((row) => row.name).filter(isValidTimeZone));
    for (const zones of [...Object.values(US_STATE_ZONES), CONTIGUOUS_US_ZONES, CHINA_ZONES]) {
      for (const zone of zones) names.add(zone);
    }
    return [...names];
  });
  return zoneNames;
}

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
  for (const zone of await knownZones(db)) dates[zone] = isoDateIn(zone, at);
  const fallback = (country: string, region?: string) =>
    isoDateIn(zonesForJurisdiction({ country, region })[0] ?? 'UTC', at);
  for (const region of Object.keys(US_STATE_ZONES)) dates[`J:US:${region}`] = fallback('US', region);
  dates['J:US:'] = fallback('US');
  dates['J:CN:'] = fallback('CN');
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
 * Each case's debtor's "today" as a SQL date, mirroring calendarZoneOf: the named zone, else the first contact
 * point's known zone, else the jurisdiction's. The case's calendar-zone hint (kept by a trigger: the named zone,
 * else the first contact point's zone) answers directly when it is a known zone, which is the rule's answer then;
 * only otherwise is the debtor read and the rule applied in full (the database function debtor_calendar_date of
 * migration 0020, which is not planned into the statement), so the promise queues judge a candidate from their index
 * (the hint and the debtor id are in it). The map is one parameter of the statement, in a CTE that every
 * branch reads once (an uncorrelated scalar subquery); `offset 0` keeps the lateral subquery whole, so it is computed
 * once per row however often the rule reads it.
 */
export async function debtorCalendarSql(db: Executor, now: Date): Promise<DebtorCalendarSql> {
  const json = await localDatesJson(db, now);
  const fullRule = sql`debtor_calendar_date(${cases.debtorId}, zone_dates.m)`;
  return {
    zoneDates: sql`zone_date_map as materialized (select ${json}::jsonb as m)`,
    today: sql`(select coalesce((zone_dates.m ->> ${cases.calendarZoneHint})::date, ${fullRule}) as today
      from (select (select m from zone_date_map) as m) as zone_dates offset 0) as debtor_today`,
  };
}
