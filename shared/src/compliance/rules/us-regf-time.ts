import { z } from 'zod';
import { citation, defineRule } from '../define-rule.ts';
import { reason } from '../reasons/codes.ts';
import { hoursParameters, localTime, outsideHours, zoneInsideWindow } from './clock.ts';

/**
 * US-REGF-TIME — no contact before 08:00 or from 21:00 local time in any of the debtor's candidate zones,
 * nor inside a window the debtor said is inconvenient.
 * Source: Regulation F 12 CFR 1006.6(b)(1)(i); FDCPA 15 USC 1692c(a)(1).
 */
export const usRegfTime = defineRule({
  id: 'US-REGF-TIME',
  effect: 'block',
  source: citation('12 CFR 1006.6(b)(1)(i); 15 USC 1692c(a)(1)'),
  description: {
    en: 'No contact before 08:00 or from 21:00 in any of the debtor’s possible time zones, nor in a window the debtor said is inconvenient.',
    zh: '在债务人可能所在的任一时区，08:00之前及21:00起均不得联系；债务人表示不便的时段亦不得联系。',
  },
  timing: true,
  appliesTo: ['call', 'autodial_call', 'voicemail', 'sms', 'email', 'app_push', 'field_visit'],
  parameters: z.object(
    hoursParameters(8 * 60, 21 * 60, {
      start: { en: 'earliest local time to contact', zh: '当地时间最早联系时间' },
      end: { en: 'local time contact must end by', zh: '当地时间联系截止时间' },
    }),
  ),
  check(context, { at }, hours) {
    const outside = outsideHours(context, at, hours);
    if (outside !== null)
      return reason('outsideContactHours', { ...outside, kind: context.facts.action.kind });
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
