import type { ContactPointKind } from '../actions.ts';
import type { PastEvent } from '../context.ts';
import { countOf, windowDays } from '../format.ts';
import { countInDays, isCountedCall, isSentMessage } from './counting.ts';
import type { Rule } from './rule.ts';

const isPersonal = (kind: ContactPointKind | null) => kind === 'mobile' || kind === 'landline';
/** Every attempt as in decision 4, plus texts that went out. */
const isInitiated = (event: PastEvent) =>
  event.aboutDebt && (isCountedCall(event) || isSentMessage(event, ['sms']));

/**
 * US-MA-FREQ — Massachusetts: at most 2 initiated communications (calls, voicemails, texts) per debt in 7
 * local days to the debtor's personal numbers (mobile, landline), and at most 2 in 30 days to other numbers
 * (work_phone). An event whose number is no longer on file counts toward both caps; an action to an unknown
 * number meets both. Source: 940 CMR 7.04(1)(f); 209 CMR 18.16(1)(d).
 */
export const usMaFreq: Rule = {
  id: 'US-MA-FREQ',
  effect: 'block',
  source: '940 CMR 7.04(1)(f); 209 CMR 18.16(1)(d)',
  timing: true,
  appliesTo: ['call', 'autodial_call', 'voicemail', 'sms'],
  check(context, { day }) {
    const { params } = context;
    const kind = context.target?.kind ?? null;
    if (kind === null || isPersonal(kind)) {
      const max = params['US-MA-FREQ.personalMax'];
      const days = params['US-MA-FREQ.personalDays'];
      const made = countInDays(
        context,
        day,
        days,
        (e) => isInitiated(e) && (e.pointKind === null || isPersonal(e.pointKind)),
      );
      if (made + 1 > max) {
        return `${countOf(made, 'call or text', 'calls or texts')} already made about this debt to the debtor's personal numbers in the ${days} days ending today (${windowDays(day, days)}, debtor's time); Massachusetts allows ${max}.`;
      }
    }
    if (kind === null || !isPersonal(kind)) {
      const max = params['US-MA-FREQ.otherMax'];
      const days = params['US-MA-FREQ.otherDays'];
      const made = countInDays(context, day, days, (e) => isInitiated(e) && !isPersonal(e.pointKind));
      if (made + 1 > max) {
        return `${countOf(made, 'call or text', 'calls or texts')} already made about this debt to the debtor's other numbers in the ${days} days ending today (${windowDays(day, days)}, debtor's time); Massachusetts allows ${max}.`;
      }
    }
    return null;
  },
};
