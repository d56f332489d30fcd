/**
 * Formatters for what a viewer reads: their locale decides the notation, their time zone the wall-clock time.
 * Intl formatters are costly to build, so callers create one set per (locale, zone) and reuse it.
 */
export interface ViewerFormats {
  integer: (value: number) => string;
  /** An instant (ISO string) as a date and time in the viewer's zone. */
  instant: (iso: string) => string;
  /** A calendar date (`YYYY-MM-DD`), the same day in every zone. */
  calendarDate: (isoDate: string) => string;
}

export function createViewerFormats(locale: string, timeZone: string): ViewerFormats {
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const instant = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const calendarDate = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  return {
    integer: (value) => integer.format(value),
    instant: (iso) => instant.format(new Date(iso)),
    calendarDate: (isoDate) => calendarDate.format(new Date(`${isoDate}T00:00:00Z`)),
  };
}

const zonedFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * "Tue, Mar 10, 8:00 AM EDT": an instant in a named zone with the zone's abbreviation, so that two zones side by
 * side cannot be confused; `withYear` adds the year ("Tue, Mar 10, 2025, …") where instants span years. Every
 * opening time (queue rows, "next case", the case screen) is written by this one function, so they agree.
 */
export function formatInstantInZone(
  at: Date | string,
  timeZone: string,
  locale: string,
  options: { withYear?: boolean } = {},
): string {
  const key = `${locale}|${timeZone}|${options.withYear ? 'y' : ''}`;
  let format = zonedFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      timeZone,
      weekday: 'short',
      ...(options.withYear ? { year: 'numeric' } : {}),
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'short',
    });
    zonedFormats.set(key, format);
  }
  return format.format(typeof at === 'string' ? new Date(at) : at);
}

/** The parameters of a "N rows" message: the count for the plural form and the count written in the locale. */
export function countParams(count: number, locale: string): { count: number; formattedCount: string } {
  return { count, formattedCount: new Intl.NumberFormat(locale).format(count) };
}
