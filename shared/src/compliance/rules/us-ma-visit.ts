import { z } from 'zod';
import { atLeast, atMost, citation, defineRule } from '../define-rule.ts';
import { reason } from '../reasons/codes.ts';
import { hoursParameters, outsideHours } from './clock.ts';
import { capReached } from './counting.ts';

/**
 * US-MA-VISIT — Massachusetts: at most 1 visit to the debtor per debt in 30 local days, and only between
 * 08:00 and 21:00. Any field visit counts, wherever it went. Source: 209 CMR 18.17(6).
 */
export const usMaVisit = defineRule({
  id: 'US-MA-VISIT',
  effect: 'block',
  source: citation('209 CMR 18.17(6)'),
  description: {
    en: 'Massachusetts: at most 1 home visit per 30 days per debt, between 08:00 and 21:00.',
    zh: '马萨诸塞州：每笔债务每30天上门拜访不超过1次，且须在08:00至21:00之间。',
  },
  timing: true,
  appliesTo: ['field_visit'],
  parameters: z.object({
    max: atMost(1, 'count', {
      en: 'home visits per debt in the window',
      zh: '计算期间内每笔债务的上门拜访次数',
    }),
    days: atLeast(30, 'days', { en: 'window for home visits', zh: '上门拜访的计算期间' }),
    ...hoursParameters(8 * 60, 21 * 60, {
      start: { en: 'earliest local time for a visit', zh: '当地时间最早拜访时间' },
      end: { en: 'local time a visit must end by', zh: '当地时间拜访截止时间' },
    }),
  }),
  check(context, { at, day }, { max, days, ...hours }) {
    const outside = outsideHours(context, at, hours);
    if (outside !== null) return reason('visitOutsideHours', outside);
    const cap = capReached(
      context,
      day,
      days,
      max,
      (e) => e.aboutDebt && e.outbound && e.kind === 'field_visit',
    );
    return cap === null ? null : reason('visitCapReached', cap);
  },
});
