import { z } from 'zod';
import { defineRule, limit } from '../define-rule.ts';
import { reason } from '../reasons/codes.ts';
import { localTime, zoneInsideWindow, zoneOutsideHours } from './clock.ts';

/**
 * US-REGF-TIME — no contact before 08:00 or from 21:00 local time in any of the debtor's candidate zones,
 * nor inside a window the debtor said is inconvenient.
 * Source: Regulation F 12 CFR 1006.6(b)(1)(i); FDCPA 15 USC 1692c(a)(1).
 */
export const usRegfTime = defineRule({
  id: 'US-REGF-TIME',
  effect: 'block',
  source: '12 CFR 1006.6(b)(1)(i); 15 USC 1692c(a)(1)',
  description:
    'No contact before 08:00 or from 21:00 in any of the debtor’s possible time zones, nor in a window the debtor said is inconvenient.',
  timing: true,
  appliesTo: ['call', 'autodial_call', 'voicemail', 'sms', 'email', 'app_push', 'field_visit'],
  parameters: z.object({
    start: limit(8 * 60, {
      direction: 'min',
      unit: 'minute_of_day',
      description: 'earliest local time to contact',
    }),
    end: limit(21 * 60, {
      direction: 'max',
      unit: 'minute_of_day',
      description: 'local time contact must end by',
    }),
  }),
  check(context, { at }, { start, end }) {
    const hours = { from: start, to: end };
    const outside = zoneOutsideHours(context, at, hours);
    if (outside !== null) {
      const { kind } = context.facts.action;
      return reason('outsideContactHours', { ...localTime(outside, at), ...hours, kind });
    }
    const inconvenient = zoneInsideWindow(context, at, context.inconvenientTimes);
    if (inconvenient === null) return null;
    const { window, clock } = inconvenient;
    return reason('inconvenientTime', {
      ...localTime(clock, at),
      windowFrom: window.from,
      windowTo: window.to,
    });
  },
});
