import { addDays, instantOfWallTime, localDate, localTime } from '@arrears/shared/domain/calendar';

/**
 * What people type is wall-clock time in some zone (the debtor's for a callback, the agent's for when money
 * arrived); the server takes instants. The shared calendar converts both ways without trusting the browser's own
 * zone; these are its answers in the shapes the forms hold.
 */

/**
 * The instant a wall-clock time (`2026-03-10`, `15:30`) names in the zone, or null when the text is not a
 * date and time. A time skipped by a daylight-saving jump resolves to the instant of the jump.
 */
export const instantFromWallTime = instantOfWallTime;

/** The calendar day (`YYYY-MM-DD`) the instant falls on in the zone. */
export const dayInZone = (at: Date, timeZone: string): string => localDate(timeZone, at);

/** The wall-clock time (`HH:mm`) of the instant in the zone. */
export const timeInZone = (at: Date, timeZone: string): string => localTime(timeZone, at);

export { addDays };
