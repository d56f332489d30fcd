import { cnCbaHours } from '@arrears/shared/compliance/rules/cn-cba-hours';
import { usRegfTime } from '@arrears/shared/compliance/rules/us-regf-time';

/** A daily window in minutes after local midnight, half-open: `[from, to)`. */
export interface MinuteWindow {
  from: number;
  to: number;
}

/**
 * The legal contact hours of the debtor's jurisdiction (US-REGF-TIME, CN-CBA-HOURS) at the law's values. A
 * portfolio may only narrow them and a contact point's inconvenient times narrow them further, so the screen
 * shows this as the outer bound; whether a call may go out now is the engine's verdict on the call itself.
 */
export function legalContactWindow(jurisdiction: { country: string }): MinuteWindow | null {
  if (jurisdiction.country === 'US') {
    return { from: usRegfTime.defaults.start, to: usRegfTime.defaults.end };
  }
  if (jurisdiction.country === 'CN') {
    return { from: cnCbaHours.defaults.start, to: cnCbaHours.defaults.end };
  }
  return null;
}

/** Minutes after local midnight in `timeZone` at the instant. */
export function localMinuteOfDay(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(at);
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  return value('hour') * 60 + value('minute');
}

export function isInsideWindow(window: MinuteWindow, minute: number): boolean {
  return minute >= window.from && minute < window.to;
}

/** A minute of the day as the viewer's locale writes a time: `8:00 AM`, `21:00`. */
export function formatMinuteOfDay(minute: number, locale: string): string {
  const at = new Date(Date.UTC(2000, 0, 1, Math.floor(minute / 60), minute % 60));
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', hour: 'numeric', minute: '2-digit' }).format(at);
}
