import { ACTION_KINDS, channelOf } from '../actions.ts';
import { type DatedOptOut, type EvaluationContext, inEffect } from '../context.ts';
import { citation, defineRule } from '../define-rule.ts';
import { reason } from '../reasons/codes.ts';

/**
 * US-REGF-MEDIUM — the debtor asked not to be contacted by this medium, at this address or number. Takes
 * effect at once (docs/compliance/CATALOG.md, principle 6). It refuses a transactional message too, except the
 * one confirmation of that very opt-out (principle 12). Source: Regulation F 12 CFR 1006.14(h).
 */
export const usRegfMedium = defineRule({
  id: 'US-REGF-MEDIUM',
  effect: 'block',
  source: citation('12 CFR 1006.14(h)'),
  description: {
    en: 'No contact by a medium, address or number the debtor asked not to be used.',
    zh: '不得通过债务人要求停用的联系方式、地址或号码进行联系。',
  },
  timing: false,
  appliesTo: ACTION_KINDS,
  transactional: true,
  check(context, { at }) {
    const { action } = context.facts;
    const channel = channelOf(action.kind);
    for (const entry of context.optOuts) {
      const { optOut, fact } = entry;
      if (!inEffect(context, fact, at)) continue;
      const channelMatches = optOut.channel === undefined || optOut.channel === channel;
      const pointMatches =
        optOut.contactPointId === undefined || optOut.contactPointId === action.contactPointId;
      if (!channelMatches || !pointMatches) continue;
      if (action.message?.purpose === 'opt_out_confirmation' && !confirmed(context, entry)) continue;
      const pointKind =
        context.target !== undefined && optOut.contactPointId !== undefined ? context.target.kind : null;
      return reason('optedOut', {
        day: context.calendar.dayOf(fact.from),
        channel: optOut.channel ?? null,
        pointKind,
      });
    }
    return null;
  },
});

/** Whether this opt-out was already confirmed: a confirmation went out on its channel (to its point) since it. */
function confirmed(context: EvaluationContext, { optOut, fact }: DatedOptOut): boolean {
  const { action } = context.facts;
  for (const event of context.transactionalHistory) {
    if (!event.outbound || event.purpose !== 'opt_out_confirmation' || event.at < fact.from) continue;
    if (optOut.channel !== undefined && channelOf(event.kind) !== optOut.channel) continue;
    if ((optOut.contactPointId ?? action.contactPointId) !== event.contactPointId) continue;
    return true;
  }
  return false;
}
