import { z } from 'zod';
import { defineRule, limit } from '../define-rule.ts';
import { reason } from '../reasons/codes.ts';
import { hoursParameters, outsideHours } from './clock.ts';
import { countInDays } from './counting.ts';

/**
 * US-MA-VISIT — Massachusetts: at most 1 visit to the debtor per debt in 30 local days, and only between
 * 08:00 and 21:00. Any field visit counts, wherever it went. Source: 209 CMR 18.17(6).
 */
export const usMaVisit = defineRule({
  id: 'US-MA-VISIT',
  effect: 'block',
  source: '209 CMR 18.17(6)',
  description: 'Massachusetts: at most 1 home visit per 30 days per debt, between 08:00 and 21:00.',
  timing: true,
  appliesTo: ['field_visit'],
  parameters: z.object({
    max: limit(1, { direction: 'max', unit: 'count', description: 'home visits per debt in the window' }),
    days: limit(30, { direction: 'min', unit: 'days', description: 'window for home visits' }),
    ...hoursParameters(8 * 60, 21 * 60, {
      start: 'earliest local time for a visit',
      end: 'local time a visit must end by',
    }),
  }),
  check(context, { at, day }, { max, days, ...hours }) {
    const outside = outsideHours(context, at, hours);
    if (outside !== null) return reason('visitOutsideHours', outside);
    const made = countInDays(
      context,
      day,
      days,
      (e) => e.aboutDebt && e.outbound && e.kind === 'field_visit',
    );
    if (made + 1 <= max) return null;
    return reason('visitCapReached', { made, days, day, max });
  },
});
