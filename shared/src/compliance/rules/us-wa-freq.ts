import { z } from 'zod';
import type { ContactPointKind } from '../actions.ts';
import type { PastEvent } from '../context.ts';
import { atLeast, atMost, citation, defineRule } from '../define-rule.ts';
import { reason } from '../reasons/codes.ts';
import { capReached, isCountedCall, isSentMessage } from './counting.ts';

const isWorkplace = (kind: ContactPointKind | null) => kind === 'work_phone' || kind === 'work_address';
/** Attempts as in docs/compliance/CATALOG.md, principle 4, plus texts and emails that went out. */
const isCommunication = (event: PastEvent) =>
  event.aboutDebt && (isCountedCall(event) || isSentMessage(event, ['sms', 'email']));

/**
 * US-WA-FREQ — Washington: at most 3 communications with the debtor per debt in 7 local days, and at most 1
 * of them to the debtor's workplace (work_phone, work_address). An action to an unknown contact point is
 * treated as going to the workplace. Source: RCW 19.16.250.
 */
export const usWaFreq = defineRule({
  id: 'US-WA-FREQ',
  effect: 'block',
  source: citation('RCW 19.16.250'),
  description: {
    en: 'Washington: at most 3 communications per 7 days with the debtor, and 1 per 7 days to their workplace.',
    zh: '华盛顿州：每7天与债务人联系不超过3次，联系其工作单位每7天不超过1次。',
  },
  timing: true,
  appliesTo: ['call', 'autodial_call', 'voicemail', 'sms', 'email'],
  parameters: z.object({
    max: atMost(3, 'count', {
      en: 'communications per debt in the window',
      zh: '计算期间内每笔债务的联系次数',
    }),
    workplaceMax: atMost(1, 'count', { en: 'communications to the workplace', zh: '联系工作单位的次数' }),
    days: atLeast(7, 'days', { en: 'length of the window', zh: '计算期间的天数' }),
  }),
  check(context, { day }, { max, workplaceMax, days }) {
    const all = capReached(context, day, days, max, isCommunication);
    if (all !== null) return reason('communicationCapReached', all);
    const kind = context.target?.kind ?? null;
    if (kind !== null && !isWorkplace(kind)) return null;
    const atWork = capReached(
      context,
      day,
      days,
      workplaceMax,
      (e) => isCommunication(e) && isWorkplace(e.pointKind),
    );
    return atWork === null ? null : reason('workplaceCapReached', atWork);
  },
});
