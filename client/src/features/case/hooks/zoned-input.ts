/**
 * What people type is wall-clock time in some zone (the debtor's for a callback, the agent's for when money
 * arrived); the server takes instants. These convert both ways without trusting the browser's own zone.
 */

function wallClockParts(at: number, timeZone: string): number[] {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(at));
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  return [value('year'), value('month'), value('day'), value('hour'), value('minute'), value('second')];
}

/** The zone's offset from UTC at the instant, in milliseconds. */
function offsetAt(at: number, timeZone: string): number {
  const [y = 0, mo = 1, d = 1, h = 0, mi = 0, s = 0] = wallClockParts(at, timeZone);
  return Date.UTC(y, mo - 1, d, h, mi, s) - Math.floor(at / 1000) * 1000;
}

/**
 * The instant a wall-clock time (`2026-03-10`, `15:30`) names in the zone, or null when the text is not a
 * date and time. A time skipped by a daylight-saving jump resolves to the instant just after the jump.
 */
export function instantFromWallTime(date: string, time: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const clock = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match || !clock) return null;
  const asUtc = Date.UTC(
    Number(match[1]),
    Number(match[2]) - 1,
    Number(match[3]),
    Number(clock[1]),
    Number(clock[2]),
  );
  if (Number.isNaN(asUtc)) return null;
  const first = asUtc - offsetAt(asUtc, timeZone);
  const second = asUtc - offsetAt(first, timeZone);
  return new Date(second);
}

/** The calendar day (`YYYY-MM-DD`) the instant falls on in the zone. */
export function dayInZone(at: Date, timeZone: string): string {
  const [y = 0, mo = 1, d = 1] = wallClockParts(at.getTime(), timeZone);
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The wall-clock time (`HH:mm`) of the instant in the zone. */
export function timeInZone(at: Date, timeZone: string): string {
  const [, , , h = 0, mi = 0] = wallClockParts(at.getTime(), timeZone);
  return `${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}`;
}

/** A calendar day `days` after the given one (`YYYY-MM-DD`), across month and year ends. */
export function addDays(day: string, days: number): string {
  const at = new Date(`${day}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}
