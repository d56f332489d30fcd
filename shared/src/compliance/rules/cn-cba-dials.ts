import { countOf, formatDay } from '../format.ts';
import { isUnansweredCall } from './counting.ts';
import type { Rule } from './rule.ts';

/**
 * CN-CBA-DIALS — at most 6 unanswered outbound dials (calls, autodialled calls and voicemails: leaving a voicemail
 * is a dial; any outcome but conversation, wrong_party, third_party) per contact point per local day, whatever the
 * debt; the 7th is refused, a voicemail included.
 * Source: China Banking Association guideline on collection of personal consumer loans (2026).
 */
export const cnCbaDials: Rule = {
  id: 'CN-CBA-DIALS',
  effect: 'block',
  source: 'CBA guideline on collection of personal consumer loans (2026)',
  timing: true,
  appliesTo: ['call', 'autodial_call', 'voicemail'],
  check(context, { day }) {
    const pointId = context.facts.action.contactPointId;
    const max = context.params['CN-CBA-DIALS.max'];
    let unanswered = 0;
    for (const event of context.history) {
      if (event.day === day && event.contactPointId === pointId && isUnansweredCall(event)) unanswered++;
    }
    if (unanswered + 1 <= max) return null;
    return `${countOf(unanswered, 'unanswered dial')} to this number already on ${formatDay(day)} (debtor's time); the limit is ${max} a day.`;
  },
};
