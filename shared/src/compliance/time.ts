// The engine's zone clock is the shared calendar's (shared/src/domain/calendar.ts); rules import it from here.
export { isValidTimeZone, ZoneClock, zoneClock } from '../domain/calendar.ts';
