import { formatInstantInZone } from '../../../lib/format.ts';

/**
 * Instants shown in a named zone, with the zone's abbreviation so that two zones side by side cannot be
 * confused. Formatters are cached per (locale, zone): Intl formatters are costly to build.
 */
const cache = new Map<string, Intl.DateTimeFormat>();

function clockFormatter(locale: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      timeZone,
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'short',
    });
    cache.set(key, format);
  }
  return format;
}

/** "Tue, Mar 10, 8:00 AM EDT" in the given zone (the app's one instant format, lib/format.ts). */
export function formatInZone(at: Date | string, timeZone: string, locale: string): string {
  return formatInstantInZone(at, timeZone, locale);
}

/** "2:05 PM EDT": the wall clock in the given zone. */
export function clockInZone(at: Date, timeZone: string, locale: string): string {
  return clockFormatter(locale, timeZone).format(at);
}

/** Whether two zones show the same wall clock at this instant (then one clock is enough). */
export function sameClock(at: Date, zoneA: string, zoneB: string): boolean {
  const parts = (zone: string) =>
    new Intl.DateTimeFormat('en', { timeZone: zone, dateStyle: 'short', timeStyle: 'short' }).format(at);
  return parts(zoneA) === parts(zoneB);
}

/** The city part of an IANA zone for people: `America/New_York` → `New York`. */
export function zoneCity(timeZone: string): string {
  return (timeZone.split('/').pop() ?? timeZone).replaceAll('_', ' ');
}
