import { z } from 'zod';
import type { ContactPointKind } from '../actions.ts';
import type { PastEvent } from '../context.ts';
import { defineRule, limit } from '../define-rule.ts';
import { reason } from '../reasons/codes.ts';
import { countInDays, isCountedCall, isSentMessage } from './counting.ts';

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
  source: 'RCW 19.16.250',
  description:
    'Washington: at most 3 communications per 7 days with the debtor, and 1 per 7 days to their workplace.',
  timing: true,
  appliesTo: ['call', 'autodial_call', 'voicemail', 'sms', 'email'],
  parameters: z.object({
    max: limit(3, { direction: 'max', unit: 'count', description: 'communications per debt in the window' }),
    workplaceMax: limit(1, {
      direction: 'max',
      unit: 'count',
      description: 'communications to the workplace',
    }),
    days: limit(7, { direction: 'min', unit: 'days', description: 'length of the window' }),
  }),
  check(context, { day }, { max, workplaceMax, days }) {
    const made = countInDays(context, day, days, isCommunication);
    if (made + 1 > max) return reason('communicationCapReached', { made, days, day, max });
    const kind = context.target?.kind ?? null;
    if (kind !== null && !isWorkplace(kind)) return null;
    const atWork = countInDays(context, day, days, (e) => isCommunication(e) && isWorkplace(e.pointKind));
    if (atWork + 1 <= workplaceMax) return null;
    return reason('workplaceCapReached', { made: atWork, days, day, max: workplaceMax });
  },
});
