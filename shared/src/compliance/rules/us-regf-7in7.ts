import { z } from 'zod';
import { defineRule, limit } from '../define-rule.ts';
import { reason } from '../reasons/codes.ts';
import { countInDays, isCountedCall } from './counting.ts';

/**
 * US-REGF-7IN7 — at most 7 calls per person per debt in 7 consecutive local days (the proposed call counts,
 * so the 8th is refused). Source: Regulation F 12 CFR 1006.14(b)(2)(i)(A).
 */
export const usRegf7in7 = defineRule({
  id: 'US-REGF-7IN7',
  effect: 'block',
  source: '12 CFR 1006.14(b)(2)(i)(A)',
  description: 'At most 7 calls per person per debt in 7 consecutive days; the 8th is blocked.',
  timing: true,
  appliesTo: ['call', 'autodial_call', 'voicemail'],
  parameters: z.object({
    maxCalls: limit(7, { direction: 'max', unit: 'count', description: 'calls per debt in the window' }),
    days: limit(7, { direction: 'min', unit: 'days', description: 'length of the call-count window' }),
  }),
  check(context, { day }, { maxCalls, days }) {
    const made = countInDays(context, day, days, (event) => event.aboutDebt && isCountedCall(event));
    if (made + 1 <= maxCalls) return null;
    return reason('callCapReached', { made, days, day, max: maxCalls });
  },
});
