import { ACTION_LABELS, formatLocal, formatMinute, formatWindow, withArticle } from '../format.ts';
import { zoneInsideWindow, zoneOutsideHours } from './clock.ts';
import type { Rule } from './rule.ts';

/**
 * US-REGF-TIME — no contact before 08:00 or from 21:00 local time in any of the debtor's candidate zones,
 * nor inside a window the debtor said is inconvenient.
 * Source: Regulation F 12 CFR 1006.6(b)(1)(i); FDCPA 15 USC 1692c(a)(1).
 */
export const usRegfTime: Rule = {
  id: 'US-REGF-TIME',
  effect: 'block',
  source: '12 CFR 1006.6(b)(1)(i); 15 USC 1692c(a)(1)',
  timing: true,
  appliesTo: ['call', 'autodial_call', 'voicemail', 'sms', 'email', 'app_push', 'field_visit'],
  check(context, { at }) {
    const hours = { from: context.params['US-REGF-TIME.start'], to: context.params['US-REGF-TIME.end'] };
    const label = ACTION_LABELS[context.facts.action.kind];
    const outside = zoneOutsideHours(context, at, hours);
    if (outside !== null) {
      return `It is ${formatLocal(outside, at)} for the debtor; ${withArticle(label)} is allowed only from ${formatMinute(hours.from)} to ${formatMinute(hours.to)} local time.`;
    }
    const inconvenient = zoneInsideWindow(context, at, context.inconvenientTimes);
    if (inconvenient !== null) {
      return `The debtor said ${formatWindow(inconvenient.window)} is an inconvenient time; it is ${formatLocal(inconvenient.clock, at)}.`;
    }
    return null;
  },
};
