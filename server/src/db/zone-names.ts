import {
  CHINA_ZONES,
  CONTIGUOUS_US_ZONES,
  US_STATE_ZONES,
} from '@arrears/shared/compliance/jurisdiction-zones';
import { isValidTimeZone, jurisdictionCalendarZone } from '@arrears/shared/domain/calendar';
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from './client.ts';

/**
 * The SQL copy of the debtor's calendar (decision record 034) reads zones through a JSON map the
 * server builds from the shared calendar: a zone that is not a key (a typo) reads as unknown, as the facts mapping
 * drops zones the engine does not know, and `J:<country>:<region>` keys stand for a jurisdiction's first zone.
 */

let zoneNames: Promise<string[]> | null = null;

/**
 * Every zone name the database can convert that the engine also accepts (isValidTimeZone), plus the jurisdictions'
 * zones. Read once per process: the catalog view takes a few hundred milliseconds.
 */
export function knownZoneNames(db: Executor): Promise<string[]> {
  zoneNames ??= queryRows<{ name: string }>(db, sql`select name from pg_timezone_names`).then((rows) => {
    const names = new Set(rows.map((row) => row.name).filter(isValidTimeZone));
    for (const zones of [...Object.values(US_STATE_ZONES), CONTIGUOUS_US_ZONES, CHINA_ZONES]) {
      for (const zone of zones) names.add(zone);
    }
    return [...names];
  });
  return zoneNames;
}

/** The `J:<country>:<region>` keys of the map, each with its jurisdiction's calendar zone. */
export function jurisdictionZoneKeys(): Record<string, string> {
  const keys: Record<string, string> = {};
  for (const region of Object.keys(US_STATE_ZONES)) {
    keys[`J:US:${region}`] = jurisdictionCalendarZone({ country: 'US', region });
  }
  keys['J:US:'] = jurisdictionCalendarZone({ country: 'US' });
  keys['J:CN:'] = jurisdictionCalendarZone({ country: 'CN' });
  return keys;
}
