import { countOf, windowDays } from '../format.ts';
import { countInDays, isCountedCall } from './counting.ts';
import type { Rule } from './rule.ts';

/**
 * US-REGF-7IN7 — at most 7 calls per person per debt in 7 consecutive local days (the proposed call counts,
 * so the 8th is refused). Source: Regulation F 12 CFR 1006.14(b)(2)(i)(A).
 */
export const usRegf7in7: Rule = {
  id: 'US-REGF-7IN7',
  effect: 'block',
  source: '12 CFR 1006.14(b)(2)(i)(A)',
  timing: true,
  appliesTo: ['call', 'autodial_call', 'voicemail'],
  check(context, { day }) {
    const max = context.params['US-REGF-7IN7.maxCalls'];
    const days = context.params['US-REGF-7IN7.days'];
    const made = countInDays(context, day, days, (event) => event.aboutDebt && isCountedCall(event));
    if (made + 1 <= max) return null;
    return `${countOf(made, 'call')} already made about this debt in the ${days} days ending today (${windowDays(day, days)}, debtor's time); the limit is ${max}.`;
  },
};
