import { z } from 'zod';
import { defineRule, limit } from '../define-rule.ts';
import { reason } from '../reasons/codes.ts';
import { isUnansweredCall } from './counting.ts';

/**
 * CN-CBA-DIALS — at most 6 unanswered outbound dials (calls, autodialled calls and voicemails: leaving a voicemail
 * is a dial; any outcome but conversation, wrong_party, third_party) per contact point per local day, whatever the
 * debt; the 7th is refused, a voicemail included.
 * Source: China Banking Association guideline on collection of personal consumer loans (2026).
 */
export const cnCbaDials = defineRule({
  id: 'CN-CBA-DIALS',
  effect: 'block',
  source: 'CBA guideline on collection of personal consumer loans (2026)',
  description:
    'At most 6 unanswered dials (calls and voicemails) per contact point per local day; the 7th is blocked.',
  timing: true,
  appliesTo: ['call', 'autodial_call', 'voicemail'],
  parameters: z.object({
    max: limit(6, {
      direction: 'max',
      unit: 'count',
      description: 'unanswered dials (calls and voicemails) per contact point per day',
    }),
  }),
  check(context, { day }, { max }) {
    const pointId = context.facts.action.contactPointId;
    let unanswered = 0;
    for (const event of context.history) {
      if (event.day === day && event.contactPointId === pointId && isUnansweredCall(event)) unanswered++;
    }
    if (unanswered + 1 <= max) return null;
    return reason('dailyDialCapReached', { unanswered, day, max });
  },
});
