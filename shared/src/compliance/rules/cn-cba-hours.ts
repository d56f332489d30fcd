import { z } from 'zod';
import { CONTACT_ACTIONS } from '../actions.ts';
import { defineRule } from '../define-rule.ts';
import { reason } from '../reasons/codes.ts';
import { hoursParameters, outsideHours } from './clock.ts';

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
  appliesTo: [...CONTACT_ACTIONS.filter((kind) => kind !== 'letter'), 'third_party_contact'],
  parameters: z.object(
    hoursParameters(8 * 60, 22 * 60, {
      start: 'earliest local time to collect',
      end: 'local time collection must end by',
    }),
  ),
  check(context, { at }, hours) {
    const outside = outsideHours(context, at, hours, context.consentedTimes);
    return outside === null ? null : reason('collectionOutsideHours', outside);
  },
});
