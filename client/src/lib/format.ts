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
