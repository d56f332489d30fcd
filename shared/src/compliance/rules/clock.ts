import type { Localized } from '../../domain/language.ts';
import type { EvaluationContext, MinuteWindow } from '../context.ts';
import { atLeast, atMost } from '../define-rule.ts';
import type { ZoneClock } from '../time.ts';

/** Half-open: `from` is inside, `to` is not; a window whose end is before its start wraps past midnight. */
export function inWindow(minute: number, window: MinuteWindow): boolean {
  return window.from < window.to
    ? minute >= window.from && minute < window.to
    : minute >= window.from || minute < window.to;
}

/** An instant on a zone's wall clock, as a reason's parameters carry it. */
export function localTime(clock: ZoneClock, at: number): { minute: number; day: number; zone: string } {
  return { minute: clock.minuteOf(at), day: clock.dayOf(at), zone: clock.zone };
}

/**
 * docs/compliance/CATALOG.md, principle 1: the first candidate zone in which `at` falls outside `hours` (and inside none of `exceptions`,
 * windows the debtor agreed to); null when the hours hold in every zone.
 */
export function zoneOutsideHours(
  context: EvaluationContext,
  at: number,
  hours: MinuteWindow,
  exceptions: readonly MinuteWindow[] = [],
): ZoneClock | null {
  for (const clock of context.zones) {
    const minute = clock.minuteOf(at);
    if (!inWindow(minute, hours) && !exceptions.some((window) => inWindow(minute, window))) return clock;
  }
  return null;
}

/** The first candidate zone whose local time falls inside one of `windows`, with that window. */
export function zoneInsideWindow(
  context: EvaluationContext,
  at: number,
  windows: readonly MinuteWindow[],
): { clock: ZoneClock; window: MinuteWindow } | null {
  if (windows.length === 0) return null;
  for (const clock of context.zones) {
    const minute = clock.minuteOf(at);
    const window = windows.find((w) => inWindow(minute, w));
    if (window !== undefined) return { clock, window };
  }
  return null;
}

/** The `start` and `end` parameters of a rule that allows its actions only between two local times. */
export function hoursParameters(start: number, end: number, describe: { start: Localized; end: Localized }) {
  return {
    start: atLeast(start, 'minute_of_day', describe.start),
    end: atMost(end, 'minute_of_day', describe.end),
  };
}

/** Where and when `at` falls outside the hours `start`–`end` (and outside `exceptions`), as a reason carries it. */
export function outsideHours(
  context: EvaluationContext,
  at: number,
  { start, end }: { start: number; end: number },
  exceptions: readonly MinuteWindow[] = [],
): { minute: number; day: number; zone: string; from: number; to: number } | null {
  const clock = zoneOutsideHours(context, at, { from: start, to: end }, exceptions);
  return clock === null ? null : { ...localTime(clock, at), from: start, to: end };
}
