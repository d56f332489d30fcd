import { z } from 'zod';
import { dayInZone, instantFromWallTime, timeInZone } from './zoned-input.ts';

/** A minute typed now may be a few seconds ahead of the server's clock. */
const CLOCK_SLACK_MS = 60_000;

export type TypedInstantProblem = 'badTime' | 'future' | 'past';

export interface WallTime {
  date: string;
  time: string;
}

/** A date and a time as the form opens: the instant `opened` on the clock of `timeZone`. */
export function wallTimeAt(opened: Date, timeZone: string): WallTime {
  return { date: dayInZone(opened, timeZone), time: timeInZone(opened, timeZone) };
}

/**
 * The instant a typed date and time name in `timeZone`. Left as the form opened (`opened` given), it means
 * "now": the instant the form opened to the millisecond, not the minute's start, which can fall before a write
 * made moments ago. Null when the pair names no instant.
 */
export function typedInstant(value: WallTime, timeZone: string, opened?: Date): Date | null {
  if (opened) {
    const start = wallTimeAt(opened, timeZone);
    if (value.date === start.date && value.time === start.time) return opened;
  }
  return instantFromWallTime(value.date, value.time, timeZone);
}

/** Never later than now when sent: the minute typed may be the current one. */
export function notAfterNow(at: Date): string {
  return new Date(Math.min(at.getTime(), Date.now())).toISOString();
}

/** The date and time fields of a form, as typed. */
export const wallTimeShape = { date: z.string(), time: z.string() };

/**
 * The check of the date and time fields, as the server checks the instant they name: it must exist and, by
 * `when`, be past (a fact that happened) or still to come (a callback). The problem is reported on the date
 * field (`future`: on the time field, which the agent types) as its code, which the form translates.
 */
export function checkWallTime(timeZone: string, when: 'past' | 'future', opened?: Date) {
  return (value: WallTime, context: z.RefinementCtx) => {
    const at = typedInstant(value, timeZone, opened);
    const problem: TypedInstantProblem | null =
      at === null
        ? 'badTime'
        : when === 'past' && at.getTime() > Date.now() + CLOCK_SLACK_MS
          ? 'future'
          : when === 'future' && at.getTime() <= Date.now()
            ? 'past'
            : null;
    if (problem)
      context.addIssue({ code: 'custom', path: [when === 'past' ? 'date' : 'time'], message: problem });
  };
}

/** A form of only a date and a time. */
export function wallTimeSchema(timeZone: string, when: 'past' | 'future', opened?: Date) {
  return z.object(wallTimeShape).superRefine(checkWallTime(timeZone, when, opened));
}
