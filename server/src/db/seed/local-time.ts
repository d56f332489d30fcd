import { zoneClock } from '@arrears/shared/domain/calendar';

/**
 * The debtor's wall clock. A story is written in local stamps (minutes since 1970-01-01 00:00 on the debtor's
 * own calendar), because every rule it must obey (08:00–21:00, "7 consecutive local days") is local; only the
 * materializer turns stamps into UTC instants. A debtor lives in one zone, so one zone converts every stamp. The
 * conversions are the one calendar's (shared/src/domain/calendar.ts, decision record 034): its cached zone clocks
 * are fast enough for the millions of stamps of a bulk seed.
 */
export type LocalStamp = number;

const MINUTES_PER_DAY = 1440;

export const stampOf = (day: number, hour: number, minute = 0): LocalStamp =>
  day * MINUTES_PER_DAY + hour * 60 + minute;
export const dayOf = (stamp: LocalStamp): number => Math.floor(stamp / MINUTES_PER_DAY);
export const minuteOfDay = (stamp: LocalStamp): number => stamp - dayOf(stamp) * MINUTES_PER_DAY;

/** The instant of a local stamp in `zone`; a wall time skipped by a DST jump is the instant of the jump. */
export function toInstant(zone: string, stamp: LocalStamp): Date {
  return new Date(zoneClock(zone).instantAt(dayOf(stamp), minuteOfDay(stamp)));
}

/** The local stamp of an instant in `zone`, exact to the minute. */
export function stampAt(zone: string, instant: Date): LocalStamp {
  const clock = zoneClock(zone);
  return clock.dayOf(instant.getTime()) * MINUTES_PER_DAY + clock.minuteOf(instant.getTime());
}
