import { z } from 'zod';
import type { ContactPointKind } from '../actions.ts';
import type { PastEvent } from '../context.ts';
import { atLeast, atMost, citation, defineRule } from '../define-rule.ts';
import { reason } from '../reasons/codes.ts';
import { capReached, isCountedCall, isSentMessage } from './counting.ts';

const isPersonal = (kind: ContactPointKind | null) => kind === 'mobile' || kind === 'landline';
/** Every attempt as in docs/compliance/CATALOG.md, principle 4, plus texts that went out. */
const isInitiated = (event: PastEvent) =>
  event.aboutDebt && (isCountedCall(event) || isSentMessage(event, ['sms']));

/**
 * US-MA-FREQ — Massachusetts: at most 2 initiated communications (calls, voicemails, texts) per debt in 7
 * local days to the debtor's personal numbers (mobile, landline), and at most 2 in 30 days to other numbers
 * (work_phone). An event whose number is no longer on file counts toward both caps; an action to an unknown
 * number meets both. Source: 940 CMR 7.04(1)(f); 209 CMR 18.16(1)(d).
 */
export const usMaFreq = defineRule({
  id: 'US-MA-FREQ',
  effect: 'block',
  source: citation('940 CMR 7.04(1)(f); 209 CMR 18.16(1)(d)'),
  description: {
    en: 'Massachusetts: at most 2 communications per 7 days to personal numbers and 2 per 30 days to other numbers, per debt.',
    zh: '马萨诸塞州：每笔债务每7天向个人号码联系不超过2次，每30天向其他号码联系不超过2次。',
  },
  timing: true,
  appliesTo: ['call', 'autodial_call', 'voicemail', 'sms'],
  parameters: z.object({
    personalMax: atMost(2, 'count', { en: 'communications to personal numbers', zh: '向个人号码联系的次数' }),
    personalDays: atLeast(7, 'days', { en: 'window for personal numbers', zh: '个人号码的计算期间' }),
    otherMax: atMost(2, 'count', { en: 'communications to other numbers', zh: '向其他号码联系的次数' }),
    otherDays: atLeast(30, 'days', { en: 'window for other numbers', zh: '其他号码的计算期间' }),
  }),
  check(context, { day }, params) {
    const kind = context.target?.kind ?? null;
    if (kind === null || isPersonal(kind)) {
      const { personalMax: max, personalDays: days } = params;
      const cap = capReached(
        context,
        day,
        days,
        max,
        (e) => isInitiated(e) && (e.pointKind === null || isPersonal(e.pointKind)),
      );
      if (cap !== null) return reason('personalNumbersCapReached', cap);
    }
    if (kind === null || !isPersonal(kind)) {
      const { otherMax: max, otherDays: days } = params;
      const cap = capReached(context, day, days, max, (e) => isInitiated(e) && !isPersonal(e.pointKind));
      if (cap !== null) return reason('otherNumbersCapReached', cap);
    }
    return null;
  },
});
