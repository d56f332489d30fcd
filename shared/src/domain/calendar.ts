import { DAY_MS, daysFromCivil, MINUTE_MS } from '../compliance/instant.ts';
import { type Jurisdiction, zonesForJurisdiction } from '../compliance/jurisdiction-zones.ts';
import { isValidTimeZone, type ZoneClock, zoneClock } from '../compliance/time.ts';

/**
 * The one calendar (decision record 0NN-h4-one-calendar): the debtor's calendar zone, the local date of an
 * instant in a zone, the start of a local day, and arithmetic on local dates. Every other place asks here; the
 * SQL that must answer the same in a statement (the queues' "debtor's today", the contact insights' zone) is
 * checked against these functions by tests over many zones and DST days.
 *
 * Offsets come from the platform's tz database through Intl (ZoneClock caches them per zone); nothing here keeps
 * a table of its own.
 */

export type { Jurisdiction };
export { DAY_MS, isValidTimeZone, MINUTE_MS, type ZoneClock, zoneClock };

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

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return dayNumber(to) - dayNumber(from);
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
 * Decision 1 of the catalog: the debtor's own zones, then every contact point's zone; the jurisdiction's zones
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
 * Decision 3: the zone of the debtor's calendar is the first candidate zone; UTC for a country without a pack
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
