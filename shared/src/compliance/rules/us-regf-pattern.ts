import { countOf } from '../format.ts';
import { MINUTE_MS } from '../instant.ts';
import { isCountedCall, isUnansweredCall } from './counting.ts';
import type { Rule } from './rule.ts';

/**
 * US-REGF-PATTERN — warns when calls to one number would form a pattern that suggests harassment: calling
 * again within 5 minutes of an unanswered call (2 unanswered calls within 5 minutes), or a 7th call to one
 * number in one local day, whatever the debt.
 * Source: Regulation F 12 CFR 1006.14(b)(2) commentary (rebuttal factors).
 */
export const usRegfPattern: Rule = {
  id: 'US-REGF-PATTERN',
  effect: 'warn',
  source: '12 CFR 1006.14(b)(2) commentary (rebuttal factors)',
  timing: false,
  appliesTo: ['call', 'autodial_call'],
  check(context, { at, day }) {
    const pointId = context.facts.action.contactPointId;
    const quickCalls = context.params['US-REGF-PATTERN.quickCalls'];
    const quickMinutes = context.params['US-REGF-PATTERN.quickMinutes'];
    const dailyCalls = context.params['US-REGF-PATTERN.dailyCalls'];
    let recentUnanswered = 0;
    let today = 0;
    for (const event of context.history) {
      if (event.contactPointId !== pointId) continue;
      if (isUnansweredCall(event) && event.at <= at && at - event.at < quickMinutes * MINUTE_MS)
        recentUnanswered++;
      if (isCountedCall(event) && event.day === day) today++;
    }
    if (recentUnanswered + 1 >= quickCalls) {
      return `${countOf(recentUnanswered, 'unanswered call')} to this number in the last ${quickMinutes} minutes; calling again so soon can look like harassment.`;
    }
    if (today + 1 >= dailyCalls) {
      return `This would be call ${today + 1} to this number today; ${dailyCalls} calls to one number in a day can look like harassment.`;
    }
    return null;
  },
};
