import { formatLocal, formatMinute } from '../format.ts';
import { zoneOutsideHours } from './clock.ts';
import type { Rule } from './rule.ts';

/**
 * CN-CBA-HOURS — no collection between 22:00 and 08:00 local time, unless the debtor agreed to be contacted
 * at that time (a consented window covers it).
 * Source: China Banking Association guideline on collection of personal consumer loans (2026).
 */
export const cnCbaHours: Rule = {
  id: 'CN-CBA-HOURS',
  effect: 'block',
  source: 'CBA guideline on collection of personal consumer loans (2026)',
  timing: true,
  appliesTo: [
    'call',
    'autodial_call',
    'voicemail',
    'sms',
    'email',
    'app_push',
    'field_visit',
    'third_party_contact',
  ],
  check(context, { at }) {
    const hours = { from: context.params['CN-CBA-HOURS.start'], to: context.params['CN-CBA-HOURS.end'] };
    const outside = zoneOutsideHours(context, at, hours, context.consentedTimes);
    if (outside === null) return null;
    return `It is ${formatLocal(outside, at)} for the debtor; collection is allowed only from ${formatMinute(hours.from)} to ${formatMinute(hours.to)} unless the debtor agreed to another time.`;
  },
};
