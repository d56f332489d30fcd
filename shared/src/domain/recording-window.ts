import { formatInstant } from '../compliance/instant.ts';
import { isValidTimeZone, zoneClock } from '../compliance/time.ts';
import { type ErrorMessage, errorMessage } from '../errors/messages.ts';

/**
 * When a person may date what they record on a case (decision record 020). The server refuses an instant outside
 * its window; the client offers the same bounds. Machines reporting late (delivery receipts, dial results) are not
 * people backdating: their records keep their own instants and never pass through these windows.
 */

/** A contact with the debtor (a logged call) is recorded in the agent's own working day, at most this far back. */
export const PAST_CONTACT_MAX_HOURS = 12;
/** How far ahead of the server's clock an instant may be and still count as "now" (a browser's clock drifts). */
export const CLOCK_SKEW_MINUTES = 2;

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

export interface RecordingWindow {
  earliest: Date;
  latest: Date;
  /** What sets the earliest bound, for the message: the case's placement, the agent's day or the hours cap. */
  earliestIs: 'placement' | 'working_day' | 'hours';
}

/**
 * A contact a person logs after the fact: not before the case was placed, not before the start of the agent's
 * current day in the agent's zone, at most PAST_CONTACT_MAX_HOURS back, and not in the future (allowing the skew).
 */
export function pastContactWindow(options: {
  now: Date;
  agentZone: string;
  placedAt: Date;
}): RecordingWindow {
  const { now, placedAt } = options;
  const clock = zoneClock(isValidTimeZone(options.agentZone) ? options.agentZone : 'UTC');
  const bounds = [
    { at: placedAt.getTime(), is: 'placement' as const },
    { at: clock.instantAt(clock.dayOf(now.getTime()), 0), is: 'working_day' as const },
    { at: now.getTime() - PAST_CONTACT_MAX_HOURS * HOUR_MS, is: 'hours' as const },
  ];
  const latest = bounds.reduce((a, b) => (b.at > a.at ? b : a));
  return { earliest: new Date(latest.at), latest: skewed(now), earliestIs: latest.is };
}

/**
 * Money received and what the debtor's side did (a dispute, a cease letter, a complaint): often recorded days
 * later, so only bounded by the case's placement and by now (allowing the skew).
 */
export function caseEventWindow(options: { now: Date; placedAt: Date }): RecordingWindow {
  return { earliest: options.placedAt, latest: skewed(options.now), earliestIs: 'placement' };
}

function skewed(now: Date): Date {
  return new Date(now.getTime() + CLOCK_SKEW_MINUTES * MINUTE_MS);
}

/** A value outside its window: the field it was given in and what is wrong, naming the allowed window. */
export interface WindowRefusal {
  field: string;
  problem: ErrorMessage;
}

/** Null when `at` lies in the window, else the refusal, which the services answer as a field error. */
export function outsideWindow(field: string, at: Date, window: RecordingWindow): WindowRefusal | null {
  if (at.getTime() > window.latest.getTime()) {
    return {
      field,
      problem: errorMessage('window.inFuture', {
        at: formatInstant(at.getTime()),
        latest: formatInstant(window.latest.getTime()),
        skewMinutes: CLOCK_SKEW_MINUTES,
      }),
    };
  }
  if (at.getTime() < window.earliest.getTime()) {
    return {
      field,
      problem: errorMessage('window.tooEarly', {
        at: formatInstant(at.getTime()),
        earliest: formatInstant(window.earliest.getTime()),
        bound: window.earliestIs,
        hours: PAST_CONTACT_MAX_HOURS,
      }),
    };
  }
  return null;
}
