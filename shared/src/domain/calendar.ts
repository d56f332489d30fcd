import { type Jurisdiction, zonesForJurisdiction } from '../compliance/jurisdiction-zones.ts';

/**
 * The one calendar (decision record 034): the debtor's calendar zone, the local date of an
 * instant in a zone, the start of a local day, and arithmetic on local dates. Every other place asks here; the
 * SQL that must answer the same in a statement (the queues' "debtor's today", the contact insights' zone) is
 * checked against these functions by tests over many zones and DST days.
 *
 * Offsets come from the platform's tz database through Intl (ZoneClock caches them per zone); nothing here keeps
 * a table of its own.
 */

export type { Jurisdiction };

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** A date on some local calendar, `YYYY-MM-DD`; which calendar is the caller's to know. */
export type LocalDate = string;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a calendar date. */
export function dayNumber(date: LocalDate): number {
  const match = DATE.exec(date);
  if (!match) throw new RangeError(`not a calendar date: "${date}"`);
  return daysFromCivil(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** The calendar date of a day number (days since 1970-01-01). */
export function dateOfDay(day: number): LocalDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The date `days` after `date` (negative: before), across month and year ends; no zone, no DST. */
export function addDays(date: LocalDate, days: number): LocalDate {
  return dateOfDay(dayNumber(date) + days);
}

/**
 * Calendar days from `from` to `to` (negative when `to` is earlier); NaN when either is not a date, so a schema may
 * ask before its own checks of the text have run.
 */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS;
}

/** Whole days elapsed between two instants (24-hour days, floored; negative when `to` is earlier). */
export function elapsedDays(from: Date | number, to: Date | number): number {
  return Math.floor((ms(to) - ms(from)) / DAY_MS);
}

/** The instant `days` 24-hour days after `at` (negative: before). */
export function daysAfter(at: Date | number, days: number): Date {
  return new Date(ms(at) + days * DAY_MS);
}

/** The day number of the local date at `at` in `zone`. */
export function localDayNumber(zone: string, at: Date | number): number {
  return zoneClock(zone).dayOf(ms(at));
}

/** The local date at `at` in `zone`. */
export function localDate(zone: string, at: Date | number): LocalDate {
  return dateOfDay(localDayNumber(zone, at));
}

const isoDateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The same answer as localDate (a test pins it) by one Intl call, without building the zone's clock: for reading
 * one instant in hundreds of zones at once, where each clock's first offsets would cost more.
 */
export function localDateOnce(zone: string, at: Date | number): LocalDate {
  let format = isoDateFormats.get(zone);
  if (format === undefined) {
    // `en-CA` writes ISO dates.
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    isoDateFormats.set(zone, format);
  }
  return format.format(at);
}

/** ISO weekday (1 Monday … 7 Sunday) of a day number; day 0, 1970-01-01, was a Thursday. */
export function isoWeekday(day: number): number {
  return (((day % 7) + 7 + 3) % 7) + 1;
}

/** The UTC date of an instant: for the few places that count days on no one's calendar (UTC report days). */
export function utcDate(at: Date | number): LocalDate {
  return new Date(ms(at)).toISOString().slice(0, 10);
}

/** The local wall clock at `at` in `zone`, `HH:mm`. */
export function localTime(zone: string, at: Date | number): string {
  const minute = zoneClock(zone).minuteOf(ms(at));
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/**
 * The first instant of `date` in `zone`, plus `plusDays` days on the local calendar. When midnight is skipped by a
 * DST jump the day starts at the jump.
 */
export function startOfLocalDay(date: LocalDate, zone: string, plusDays = 0): Date {
  return new Date(zoneClock(zone).instantAt(dayNumber(date) + plusDays, 0));
}

/**
 * The earliest instant whose wall clock in `zone` reads `time` (`HH:mm`) on `date`; a time skipped by a DST jump
 * maps to the instant of the jump. Null when the text is not a date and a time.
 */
export function instantOfWallTime(date: LocalDate, time: string, zone: string): Date | null {
  const clock = /^(\d{2}):(\d{2})$/.exec(time);
  if (!clock || !DATE.test(date)) return null;
  const minute = Number(clock[1]) * 60 + Number(clock[2]);
  return new Date(zoneClock(zone).instantAt(dayNumber(date), minute));
}

/** The distinct zones the tz database knows, in the order given (unknown names and gaps dropped). */
export function knownZones(zones: Iterable<string | null | undefined>): string[] {
  const known: string[] = [];
  for (const zone of zones) {
    if (zone && isValidTimeZone(zone) && !known.includes(zone)) known.push(zone);
  }
  return known;
}

/** Who the calendar belongs to: the debtor's own zones (named first) and their jurisdiction. */
export interface DebtorZoneFacts {
  readonly debtor: { readonly timeZones?: readonly string[] | null; readonly jurisdiction: Jurisdiction };
  readonly contactPoints?: readonly { readonly timeZone?: string | null }[] | null;
}

/**
 * Principle 1 of docs/compliance/CATALOG.md: the debtor's own zones, then every contact point's zone; the jurisdiction's zones
 * when none is known (empty for a country without a pack).
 */
export function candidateZones(facts: DebtorZoneFacts): string[] {
  const zones = [...(facts.debtor.timeZones ?? [])];
  for (const point of facts.contactPoints ?? []) {
    if (point.timeZone && !zones.includes(point.timeZone)) zones.push(point.timeZone);
  }
  return zones.length > 0 ? zones : [...zonesForJurisdiction(facts.debtor.jurisdiction)];
}

/**
 * docs/compliance/CATALOG.md, principle 3: the zone of the debtor's calendar is the first candidate zone; UTC for a country without a pack
 * (whose rules never read the clock).
 */
export function debtorCalendarZone(facts: DebtorZoneFacts): string {
  return candidateZones(facts)[0] ?? 'UTC';
}

/** The first zone of a jurisdiction, the calendar of a debtor with no zone known; UTC for a country without a pack. */
export function jurisdictionCalendarZone(jurisdiction: Jurisdiction): string {
  return zonesForJurisdiction(jurisdiction)[0] ?? 'UTC';
}

function ms(at: Date | number): number {
  return typeof at === 'number' ? at : at.getTime();
}

/**
 * Local time in an IANA zone, fast enough for the hot path. Intl is asked for UTC offsets only while a
 * 64-day bucket is first built (one sample per day, then a binary search down to the second where the offset
 * changed); afterwards an offset is a map lookup plus a scan of that bucket's zero to two transitions.
 * Assumes at most one offset change per UTC day, which holds for every zone in the tz database since 1900.
 */
const BUCKET_DAYS = 64;
const BUCKET_MS = BUCKET_DAYS * DAY_MS;

interface OffsetBucket {
  readonly startOffset: number;
  readonly transitions: number[];
  readonly offsets: number[];
}

export class ZoneClock {
  private readonly formatter: Intl.DateTimeFormat;
  private readonly buckets = new Map<number, OffsetBucket>();
  // Consecutive lookups mostly fall in the same bucket (a case's history spans weeks): skip the map then.
  private lastIndex = Number.NaN;
  private lastBucket: OffsetBucket | undefined;

  constructor(readonly zone: string) {
    this.formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  /** Milliseconds to add to an instant to get the local wall clock read as if it were UTC. */
  offsetAt(ms: number): number {
    const index = Math.floor(ms / BUCKET_MS);
    let bucket = index === this.lastIndex ? this.lastBucket : this.buckets.get(index);
    if (bucket === undefined) {
      bucket = this.buildBucket(index * BUCKET_MS);
      this.buckets.set(index, bucket);
    }
    this.lastIndex = index;
    this.lastBucket = bucket;
    let offset = bucket.startOffset;
    for (let i = 0; i < bucket.transitions.length; i++) {
      if (ms < bucket.transitions[i]!) break;
      offset = bucket.offsets[i]!;
    }
    return offset;
  }

  /** Local calendar day, as days since 1970-01-01. */
  dayOf(ms: number): number {
    return Math.floor((ms + this.offsetAt(ms)) / DAY_MS);
  }

  /** Local minute of the day, 0..1439 (seconds truncated, so 20:59:59 is minute 1259). */
  minuteOf(ms: number): number {
    const local = ms + this.offsetAt(ms);
    return Math.floor((local - Math.floor(local / DAY_MS) * DAY_MS) / MINUTE_MS);
  }

  /**
   * The earliest instant whose local wall clock reads `minute` on `day`. A wall time skipped by a DST jump
   * maps to the instant the jump happens (the first moment at or after that wall time).
   */
  instantAt(day: number, minute: number): number {
    const wall = day * DAY_MS + minute * MINUTE_MS;
    const before = this.offsetAt(wall - DAY_MS);
    const after = this.offsetAt(wall + DAY_MS);
    const early = wall - Math.max(before, after);
    const late = wall - Math.min(before, after);
    if (this.offsetAt(early) === Math.max(before, after)) return early;
    if (this.offsetAt(late) === Math.min(before, after)) return late;
    return this.firstChangeAfter(early, late);
  }

  private firstChangeAfter(from: number, to: number): number {
    const startOffset = this.offsetAt(from);
    let lo = Math.floor(from / 1000);
    let hi = Math.ceil(to / 1000);
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (this.offsetAt(mid * 1000) === startOffset) lo = mid;
      else hi = mid;
    }
    return hi * 1000;
  }

  private intlOffset(ms: number): number {
    const second = Math.floor(ms / 1000) * 1000;
    const parts = this.formatter.formatToParts(second);
    const field = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
    const wall = Date.UTC(
      field('year'),
      field('month') - 1,
      field('day'),
      field('hour'),
      field('minute'),
      field('second'),
    );
    return wall - second;
  }

  private buildBucket(start: number): OffsetBucket {
    const startOffset = this.intlOffset(start);
    const transitions: number[] = [];
    const offsets: number[] = [];
    let previous = startOffset;
    for (let day = 1; day <= BUCKET_DAYS; day++) {
      const sample = this.intlOffset(start + day * DAY_MS);
      if (sample === previous) continue;
      // Binary search, in whole seconds, for the first instant with the new offset.
      let lo = (start + (day - 1) * DAY_MS) / 1000;
      let hi = (start + day * DAY_MS) / 1000;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (this.intlOffset(mid * 1000) === previous) lo = mid;
        else hi = mid;
      }
      if (hi * 1000 < start + BUCKET_MS) {
        transitions.push(hi * 1000);
        offsets.push(sample);
      }
      previous = sample;
    }
    return { startOffset, transitions, offsets };
  }
}

const clocks = new Map<string, ZoneClock>();

/** One cached clock per zone: building a formatter costs tens of microseconds. */
export function zoneClock(zone: string): ZoneClock {
  let clock = clocks.get(zone);
  if (clock === undefined) {
    clock = new ZoneClock(zone);
    clocks.set(zone, clock);
  }
  return clock;
}

const validity = new Map<string, boolean>();

export function isValidTimeZone(zone: string): boolean {
  let valid = validity.get(zone);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      valid = zone.includes('/') || zone === 'UTC';
    } catch {
      valid = false;
    }
    validity.set(zone, valid);
  }
  return valid;
}
