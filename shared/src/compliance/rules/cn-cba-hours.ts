import { z } from 'zod';
import { defineRule, limit } from '../define-rule.ts';
import { reason } from '../reasons/codes.ts';
import { localTime, zoneOutsideHours } from './clock.ts';

/**
 * CN-CBA-HOURS — no collection between 22:00 and 08:00 local time, unless the debtor agreed to be contacted
 * at that time (a consented window covers it).
 * Source: China Banking Association guideline on collection of personal consumer loans (2026).
 */
export const cnCbaHours = defineRule({
  id: 'CN-CBA-HOURS',
  effect: 'block',
  source: 'CBA guideline on collection of personal consumer loans (2026)',
  description: 'No collection between 22:00 and 08:00 local time unless the debtor agreed to that time.',
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
  parameters: z.object({
    start: limit(8 * 60, {
      direction: 'min',
      unit: 'minute_of_day',
      description: 'earliest local time to collect',
    }),
    end: limit(22 * 60, {
      direction: 'max',
      unit: 'minute_of_day',
      description: 'local time collection must end by',
    }),
  }),
  check(context, { at }, { start, end }) {
    const hours = { from: start, to: end };
    const outside = zoneOutsideHours(context, at, hours, context.consentedTimes);
    if (outside === null) return null;
    return reason('collectionOutsideHours', { ...localTime(outside, at), ...hours });
  },
});
