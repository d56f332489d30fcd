import { countOf, formatLocal, formatMinute, windowDays } from '../format.ts';
import { zoneOutsideHours } from './clock.ts';
import { countInDays } from './counting.ts';
import type { Rule } from './rule.ts';

/**
 * US-MA-VISIT — Massachusetts: at most 1 visit to the debtor per debt in 30 local days, and only between
 * 08:00 and 21:00. Any field visit counts, wherever it went. Source: 209 CMR 18.17(6).
 */
export const usMaVisit: Rule = {
  id: 'US-MA-VISIT',
  effect: 'block',
  source: '209 CMR 18.17(6)',
  timing: true,
  appliesTo: ['field_visit'],
  check(context, { at, day }) {
    const { params } = context;
    const hours = { from: params['US-MA-VISIT.start'], to: params['US-MA-VISIT.end'] };
    const outside = zoneOutsideHours(context, at, hours);
    if (outside !== null) {
      return `It is ${formatLocal(outside, at)} for the debtor; Massachusetts allows visits only from ${formatMinute(hours.from)} to ${formatMinute(hours.to)}.`;
    }
    const max = params['US-MA-VISIT.max'];
    const days = params['US-MA-VISIT.days'];
    const made = countInDays(
      context,
      day,
      days,
      (e) => e.aboutDebt && e.outbound && e.kind === 'field_visit',
    );
    if (made + 1 <= max) return null;
    return `${countOf(made, 'field visit')} about this debt already made in the ${days} days ending today (${windowDays(day, days)}, debtor's time); Massachusetts allows ${max}.`;
  },
};
