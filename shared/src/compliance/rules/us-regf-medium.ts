import { ACTION_KINDS, channelOf, type OptOutChannel } from '../actions.ts';
import { inEffect } from '../context.ts';
import { formatDay, POINT_LABELS } from '../format.ts';
import type { Rule } from './rule.ts';

const CHANNEL_LABELS: Readonly<Record<OptOutChannel, string>> = {
  phone: 'phone',
  sms: 'text message',
  email: 'email',
  letter: 'letter',
  app_push: 'app notification',
  field_visit: 'visits',
};

/**
 * US-REGF-MEDIUM — the debtor asked not to be contacted by this medium, at this address or number. Takes
 * effect at once (decision 6). Source: Regulation F 12 CFR 1006.14(h).
 */
export const usRegfMedium: Rule = {
  id: 'US-REGF-MEDIUM',
  effect: 'block',
  source: '12 CFR 1006.14(h)',
  timing: false,
  appliesTo: ACTION_KINDS,
  check(context, { at }) {
    const { action } = context.facts;
    const channel = channelOf(action.kind);
    for (const { optOut, fact } of context.optOuts) {
      if (!inEffect(context, fact, at)) continue;
      const channelMatches = optOut.channel === undefined || optOut.channel === channel;
      const pointMatches =
        optOut.contactPointId === undefined || optOut.contactPointId === action.contactPointId;
      if (!channelMatches || !pointMatches) continue;
      const by = optOut.channel === undefined ? '' : ` by ${CHANNEL_LABELS[optOut.channel]}`;
      const where =
        context.target !== undefined && optOut.contactPointId !== undefined
          ? ` at this ${POINT_LABELS[context.target.kind]}`
          : '';
      return `On ${formatDay(context.calendar.dayOf(fact.from))} the debtor asked not to be contacted${by}${where}.`;
    }
    return null;
  },
};
