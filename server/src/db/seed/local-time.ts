/**
 * The debtor's wall clock. A story is written in local stamps (minutes since 1970-01-01 00:00 on the debtor's
 * own calendar), because every rule it must obey (08:00–21:00, "7 consecutive local days") is local; only the
 * materializer turns stamps into UTC instants. A debtor lives in one zone, so one zone converts every stamp.
 */
export type LocalStamp = number;

const MINUTES_PER_DAY = 1440;
const MS_PER_MINUTE = 60_000;

export const stampOf = (day: number, hour: number, minute = 0): LocalStamp =>
  day * MINUTES_PER_DAY + hour * 60 + minute;
export const dayOf = (stamp: LocalStamp): number => Math.floor(stamp / MINUTES_PER_DAY);
export const minuteOfDay = (stamp: LocalStamp): number => stamp - dayOf(stamp) * MINUTES_PER_DAY;

/** Day numbers up to 2079 index flat per-zone tables: the materializer converts millions of stamps. */
const MAX_DAY = 40_000;
const UNKNOWN = -32_768;
const offsetTables = new Map<string, Int16Array>();
const offsetFormats = new Map<string, Intl.DateTimeFormat>();

function offsetTable(zone: string): Int16Array {
  let table = offsetTables.get(zone);
  if (!table) {
    table = new Int16Array(MAX_DAY).fill(UNKNOWN);
    offsetTables.set(zone, table);
  }
  return table;
}

/** The zone's UTC offset in minutes on a local day; read at 12:00 UTC, after any 02:00 DST switch of the day. */
function zoneOffsetMinutes(zone: string, day: number): number {
  const table = offsetTable(zone);
  const cached = table[day];
  if (cached !== undefined && cached !== UNKNOWN) return cached;
  let format = offsetFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    offsetFormats.set(zone, format);
  }
  const name = format
    .formatToParts(new Date(day * 86_400_000 + 43_200_000))
    .find((p) => p.type === 'timeZoneName');
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name?.value ?? '');
  const offset = match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
  if (day >= 0 && day < MAX_DAY) table[day] = offset;
  return offset;
}

export function toInstant(zone: string, stamp: LocalStamp): Date {
  return new Date((stamp - zoneOffsetMinutes(zone, dayOf(stamp))) * MS_PER_MINUTE);
}

const clockFormats = new Map<string, Intl.DateTimeFormat>();

/** The local stamp of an instant, exact to the minute (via Intl, so it is right even at a DST switch). */
export function exactStampOf(zone: string, instant: Date): LocalStamp {
  let format = clockFormats.get(zone);
  if (!format) {
    const numeric = 'numeric' as const;
    const options = { year: numeric, month: numeric, day: numeric, hour: numeric, minute: numeric };
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', ...options });
    clockFormats.set(zone, format);
  }
  const parts = format.formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute')) / MS_PER_MINUTE;
}

/** The local stamp of an instant during the day (cached offsets: fast, but not exact around a 02:00 DST switch). */
export function stampOfInstant(zone: string, instant: Date): LocalStamp {
  const utcMinutes = Math.floor(instant.getTime() / MS_PER_MINUTE);
  return utcMinutes + zoneOffsetMinutes(zone, Math.floor(utcMinutes / MINUTES_PER_DAY));
}

const isoDays: string[] = new Array(MAX_DAY);

/** `YYYY-MM-DD` of a local day number. */
export function isoDay(day: number): string {
  let iso = isoDays[day];
  if (iso === undefined) {
    iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
    if (day >= 0 && day < MAX_DAY) isoDays[day] = iso;
  }
  return iso;
}
