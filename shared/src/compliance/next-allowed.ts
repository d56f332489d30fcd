import type { EvaluationContext } from './context.ts';
import type { Rule } from './define-rule.ts';
import { DAY_MS } from './instant.ts';
import { ALL_PARAMETERS } from './pack-data.ts';
import { cnCbaHours } from './rules/cn-cba-hours.ts';
import { usMaVisit } from './rules/us-ma-visit.ts';
import { usRegfTime } from './rules/us-regf-time.ts';

/**
 * docs/compliance/CATALOG.md, principle 10: the earliest instant after `now` at which the same action passes if nothing else happens.
 * A time-of-day block can only lift when a window opens in some candidate zone (business hours start, an
 * inconvenient window ends, a consented window starts); a frequency block only when a local day on the
 * debtor's calendar begins. So those instants are the only candidates: the engine tries them in order and
 * re-evaluates every rule at each, which stays right across DST changes because each candidate is computed
 * from the zone's own wall clock.
 */
const SPAN_MS = 2 * DAY_MS;

/** Whether no blocking rule fires at `at`. */
export function passesAt(context: EvaluationContext, rules: readonly Rule[], at: number): boolean {
  const moment = { at, day: context.calendar.dayOf(at) };
  for (const rule of rules) {
    if (rule.effect !== 'warn' && rule.check(context, moment) !== null) return false;
  }
  return true;
}

function openingMinutes(context: EvaluationContext): number[] {
  const { params } = context;
  const minutes = [
    usRegfTime.paramsIn(params).start,
    usMaVisit.paramsIn(params).start,
    cnCbaHours.paramsIn(params).start,
  ];
  for (const window of context.inconvenientTimes) minutes.push(window.to % 1440);
  for (const window of context.consentedTimes) minutes.push(window.from);
  return [...new Set(minutes)];
}

/** Candidate instants in (from, to], ascending. */
function candidatesBetween(context: EvaluationContext, from: number, to: number): number[] {
  const found = new Set<number>();
  const add = (at: number) => {
    if (at > from && at <= to) found.add(at);
  };
  const minutes = openingMinutes(context);
  for (const clock of context.zones) {
    for (let day = clock.dayOf(from); day <= clock.dayOf(to); day++) {
      for (const minute of minutes) add(clock.instantAt(day, minute));
    }
  }
  const calendar = context.calendar;
  for (let day = calendar.dayOf(from) + 1; day <= calendar.dayOf(to); day++) add(calendar.instantAt(day, 0));
  return [...found].sort((a, b) => a - b);
}

/** How far ahead to look: past the longest counting window any rule uses. */
function horizonDays(context: EvaluationContext): number {
  let longest = 1;
  for (const parameter of ALL_PARAMETERS) {
    if (parameter.unit === 'days') longest = Math.max(longest, context.params[parameter.name]);
  }
  return longest + 2;
}

/** The next allowed instant, or null when none comes within the horizon (e.g. every hour is inconvenient). */
export function findNextAllowed(
  context: EvaluationContext,
  rules: readonly Rule[],
  now: number,
): number | null {
  const end = now + horizonDays(context) * DAY_MS;
  for (let spanStart = now; spanStart < end; spanStart += SPAN_MS) {
    for (const at of candidatesBetween(context, spanStart, Math.min(spanStart + SPAN_MS, end))) {
      if (passesAt(context, rules, at)) return at;
    }
  }
  return null;
}
