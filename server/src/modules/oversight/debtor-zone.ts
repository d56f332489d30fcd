import { DEFAULT_PARAMETERS } from '@arrears/shared/compliance/packs';
import { startOfLocalDay } from '@arrears/shared/domain/calendar';
import { type SQL, sql } from 'drizzle-orm';
import type { Database, Executor, Transaction } from '../../db/client.ts';
import { jurisdictionZoneKeys, knownZoneNames } from '../../db/zone-names.ts';

let zoneMap: Promise<string> | null = null;

/**
 * One JSON object mapping every zone both the database and the engine know to itself, plus `J:<country>:<region>`
 * keys to the first zone of that jurisdiction (db/zone-names.ts). Looking a zone up in it drops a zone the engine
 * would drop (a typo) instead of making `AT TIME ZONE` fail. Built once per process: the catalog view is slow.
 */
export function zoneMapJson(db: Executor): Promise<string> {
  zoneMap ??= knownZoneNames(db).then((names) => {
    const map: Record<string, string> = {};
    for (const name of names) map[name] = name;
    return JSON.stringify({ ...map, ...jurisdictionZoneKeys() });
  });
  return zoneMap;
}

/**
 * The debtor's calendar zone for a contact-log row `cl` (joined with `debtors d`), as the engine decided it: the SQL
 * copy of the shared calendar's debtorCalendarZone (docs/compliance/CATALOG.md, principle 3: the first candidate zone decides the date): the zone stamped in the facts of the decision the
 * contact was recorded under when there is one — what the engine saw at the time — else the debtor's named zone,
 * else the first contact point's zone, else the jurisdiction's first zone; UTC for a country without a pack.
 * `zm.m` is the zone map (see zoneMapJson), joined once per query.
 */
export const contactZone = sql`coalesce(
  zm.m ->> (select dz.facts -> 'debtor' -> 'timeZones' ->> 0 from compliance_decisions dz
            where dz.id = cl.decision_id),
  zm.m ->> d.explicit_time_zone,
  (select zm.m ->> cp.time_zone from contact_points cp
    where cp.debtor_id = d.id and zm.m ? cp.time_zone order by cp.created_at, cp.id limit 1),
  zm.m ->> ('J:' || d.jurisdiction_country || ':' || coalesce(d.jurisdiction_region, '')),
  zm.m ->> ('J:' || d.jurisdiction_country || ':'),
  'UTC')`;

/**
 * `offset 0` keeps the planner from inlining the map: inlined, the 20 kB jsonb constant is copied into every
 * reference and planning one contact's stamp took ~19 ms; kept as one subquery it takes ~3 ms.
 */
export function zoneMapJoin(json: string): SQL {
  return sql`cross join (select ${json}::jsonb as m offset 0) zm`;
}

/**
 * The calling window (minutes of the local day, half-open) of the contact's debtor under the portfolio `p`:
 * CN-CBA-HOURS for a debtor in China, US-REGF-TIME otherwise, with the portfolio's tightened parameters.
 */
export function windowStart(): SQL {
  return sql`(case when d.jurisdiction_country = 'CN'
    then coalesce((p.rule_parameters ->> 'CN-CBA-HOURS.start')::int, ${DEFAULT_PARAMETERS['CN-CBA-HOURS.start']}::int)
    else coalesce((p.rule_parameters ->> 'US-REGF-TIME.start')::int, ${DEFAULT_PARAMETERS['US-REGF-TIME.start']}::int) end)`;
}

export function windowEnd(): SQL {
  return sql`(case when d.jurisdiction_country = 'CN'
    then coalesce((p.rule_parameters ->> 'CN-CBA-HOURS.end')::int, ${DEFAULT_PARAMETERS['CN-CBA-HOURS.end']}::int)
    else coalesce((p.rule_parameters ->> 'US-REGF-TIME.end')::int, ${DEFAULT_PARAMETERS['US-REGF-TIME.end']}::int) end)`;
}

/**
 * Start of the local date `date` (plus `plusDays`) in `zone`, as an instant parameter: the shared calendar decides
 * it (startOfLocalDay), so a day whose midnight a DST change repeats starts at its first instant.
 */
export function localMidnight(date: string, zone: string, plusDays = 0): SQL {
  return sql`${startOfLocalDay(date, zone, plusDays).toISOString()}::timestamptz`;
}

/**
 * Runs a read in a transaction with JIT compilation off. The oversight aggregates read tens of thousands of rows
 * with many expressions: PostgreSQL's cost model then JIT-compiles them, which on the million-case seed cost more
 * (seconds) than the query itself.
 */
export function withoutJit<T>(db: Database, read: (tx: Transaction) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    return read(tx);
  });
}
