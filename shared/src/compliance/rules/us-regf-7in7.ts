import { z } from 'zod';
import { atLeast, atMost, citation, defineRule } from '../define-rule.ts';
import { reason } from '../reasons/codes.ts';
import { capReached, isCountedCall } from './counting.ts';

/**
 * US-REGF-7IN7 — at most 7 calls per person per debt in 7 consecutive local days (the proposed call counts,
 * so the 8th is refused). Source: Regulation F 12 CFR 1006.14(b)(2)(i)(A).
 */
export const usRegf7in7 = defineRule({
  id: 'US-REGF-7IN7',
  effect: 'block',
  source: citation('12 CFR 1006.14(b)(2)(i)(A)'),
  description: {
    en: 'At most 7 calls per person per debt in 7 consecutive days; the 8th is blocked.',
    zh: '连续7天内就每笔债务对同一人致电不超过7次；第8次将被拦截。',
  },
  timing: true,
  appliesTo: ['call', 'autodial_call', 'voicemail'],
  parameters: z.object({
    maxCalls: atMost(7, 'count', { en: 'calls per debt in the window', zh: '计算期间内每笔债务的致电次数' }),
    days: atLeast(7, 'days', { en: 'length of the call-count window', zh: '致电次数计算期间的天数' }),
  }),
  check(context, { day }, { maxCalls, days }) {
    const cap = capReached(context, day, days, maxCalls, (event) => event.aboutDebt && isCountedCall(event));
    return cap === null ? null : reason('callCapReached', cap);
  },
});
