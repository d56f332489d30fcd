import { z } from 'zod';
import { atLeast, atMost, defineRule } from '../define-rule.ts';
import { MINUTE_MS } from '../instant.ts';
import { reason } from '../reasons/codes.ts';
import { isCountedCall, isUnansweredCall } from './counting.ts';

/**
 * US-REGF-PATTERN — warns when calls to one number would form a pattern that suggests harassment: calling
 * again within 5 minutes of an unanswered call (2 unanswered calls within 5 minutes), or a 7th call to one
 * number in one local day, whatever the debt.
 * Source: Regulation F 12 CFR 1006.14(b)(2) commentary (rebuttal factors).
 */
export const usRegfPattern = defineRule({
  id: 'US-REGF-PATTERN',
  effect: 'warn',
  source: {
    en: '12 CFR 1006.14(b)(2) commentary (rebuttal factors)',
    zh: '12 CFR 1006.14(b)(2) 官方评注（推定的反驳因素）',
  },
  description: {
    en: 'A warning for 2 unanswered calls to one number within 5 minutes, or 7 calls to one number in one day.',
    zh: '5分钟内向同一号码拨打2次未接通的电话，或一天内向同一号码致电7次，将予以警示。',
  },
  timing: false,
  appliesTo: ['call', 'autodial_call'],
  parameters: z.object({
    quickCalls: atMost(2, 'count', {
      en: 'calls to one number in quick succession',
      zh: '短时间内连续拨打同一号码的次数',
    }),
    quickMinutes: atLeast(5, 'minutes', {
      en: 'what "quick succession" means',
      zh: '“短时间内连续”所指的时长',
    }),
    dailyCalls: atMost(7, 'count', {
      en: 'calls to one number in one day',
      zh: '一天内向同一号码致电的次数',
    }),
  }),
  check(context, { at, day }, { quickCalls, quickMinutes, dailyCalls }) {
    const pointId = context.facts.action.contactPointId;
    let recentUnanswered = 0;
    let today = 0;
    for (const event of context.history) {
      if (event.contactPointId !== pointId) continue;
      if (isUnansweredCall(event) && event.at <= at && at - event.at < quickMinutes * MINUTE_MS)
        recentUnanswered++;
      if (isCountedCall(event) && event.day === day) today++;
    }
    if (recentUnanswered + 1 >= quickCalls) {
      return reason('quickRedial', { unanswered: recentUnanswered, minutes: quickMinutes });
    }
    if (today + 1 >= dailyCalls) return reason('manyCallsToday', { call: today + 1, max: dailyCalls });
    return null;
  },
});
