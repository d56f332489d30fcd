import { z } from 'zod';
import { inEffect } from '../context.ts';
import { citation, defineRule, limit } from '../define-rule.ts';
import { reason } from '../reasons/codes.ts';

/**
 * US-REGF-REASSIGNED — a text goes only to a number checked against the reassigned-numbers database within the
 * last 60 days: the check's day and the 59 after it (docs/compliance/CATALOG.md, principles 3 and 14). A check dated
 * after the instant judged was not known then. Source: Regulation F 12 CFR 1006.6(d)(5); 47 CFR 64.1200(m).
 */
export const usRegfReassigned = defineRule({
  id: 'US-REGF-REASSIGNED',
  effect: 'block',
  source: citation('12 CFR 1006.6(d)(5)'),
  description: {
    en: 'A text goes only to a number checked against the reassigned-numbers database within 60 days.',
    zh: '短信只能发往60天内已在重新分配号码数据库中核查过的号码。',
  },
  timing: false,
  appliesTo: ['sms'],
  parameters: z.object({
    validFor: limit(60, {
      direction: 'max',
      unit: 'days',
      description: {
        en: 'days a reassigned-numbers check stays valid',
        zh: '重新分配号码核查结果的有效天数',
      },
    }),
  }),
  check(context, { at, day }, { validFor }) {
    if (context.target === undefined) return null;
    const check = context.reassignedCheck;
    if (check === null || !inEffect(context, check, at)) {
      return reason('reassignedCheckStale', { checkedDay: null, days: validFor });
    }
    const checkedDay = context.calendar.dayOf(check.from);
    if (day < checkedDay + validFor) return null;
    return reason('reassignedCheckStale', { checkedDay, days: validFor });
  },
});
