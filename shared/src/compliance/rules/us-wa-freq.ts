import type { ContactPointKind } from '../actions.ts';
import type { PastEvent } from '../context.ts';
import { countOf, windowDays } from '../format.ts';
import { countInDays, isCountedCall, isSentMessage } from './counting.ts';
import type { Rule } from './rule.ts';

const isWorkplace = (kind: ContactPointKind | null) => kind === 'work_phone' || kind === 'work_address';
/** Attempts as in decision 4, plus texts and emails that went out. */
const isCommunication = (event: PastEvent) =>
  event.aboutDebt && (isCountedCall(event) || isSentMessage(event, ['sms', 'email']));

/**
 * US-WA-FREQ — Washington: at most 3 communications with the debtor per debt in 7 local days, and at most 1
 * of them to the debtor's workplace (work_phone, work_address). An action to an unknown contact point is
 * treated as going to the workplace. Source: RCW 19.16.250.
 */
export const usWaFreq: Rule = {
  id: 'US-WA-FREQ',
  effect: 'block',
  source: 'RCW 19.16.250',
  timing: true,
  appliesTo: ['call', 'autodial_call', 'voicemail', 'sms', 'email'],
  check(context, { day }) {
    const { params } = context;
    const days = params['US-WA-FREQ.days'];
    const max = params['US-WA-FREQ.max'];
    const made = countInDays(context, day, days, isCommunication);
    if (made + 1 > max) {
      return `${countOf(made, 'communication')} already made about this debt in the ${days} days ending today (${windowDays(day, days)}, debtor's time); Washington allows ${max}.`;
    }
    const kind = context.target?.kind ?? null;
    if (kind !== null && !isWorkplace(kind)) return null;
    const workplaceMax = params['US-WA-FREQ.workplaceMax'];
    const atWork = countInDays(context, day, days, (e) => isCommunication(e) && isWorkplace(e.pointKind));
    if (atWork + 1 <= workplaceMax) return null;
    return `${countOf(atWork, 'communication')} already made to the debtor's workplace about this debt in the ${days} days ending today (${windowDays(day, days)}); Washington allows ${workplaceMax}.`;
  },
};
