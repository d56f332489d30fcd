/**
 * Instants shown in a named zone, with the zone's abbreviation so that two zones side by side cannot be
 * confused. Formatters are cached per (locale, zone): Intl formatters are costly to build.
 */
const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, timeZone: string, style: 'time' | 'dateTime'): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${style}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      timeZone,
      ...(style === 'dateTime' ? { weekday: 'short', month: 'short', day: 'numeric' } : {}),
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'short',
    });
    cache.set(key, format);
  }
  return format;
}

/** "Tue, Mar 10, 8:00 AM EDT" in the given zone. */
export function formatInZone(at: Date | string, timeZone: string, locale: string): string {
  return formatter(locale, timeZone, 'dateTime').format(typeof at === 'string' ? new Date(at) : at);
}

/** "2:05 PM EDT": the wall clock in the given zone. */
export function clockInZone(at: Date, timeZone: string, locale: string): string {
  return formatter(locale, timeZone, 'time').format(at);
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
