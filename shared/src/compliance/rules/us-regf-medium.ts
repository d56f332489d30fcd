import { ACTION_KINDS, channelOf, type OptOutChannel } from '../actions.ts';
import { formatDay, POINT_LABELS } from '../format.ts';
import { parseInstant } from '../instant.ts';
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
  check(context) {
    const { action, debtor } = context.facts;
    const channel = channelOf(action.kind);
    for (const optOut of debtor.optOuts ?? []) {
      const channelMatches = optOut.channel === undefined || optOut.channel === channel;
      const pointMatches =
        optOut.contactPointId === undefined || optOut.contactPointId === action.contactPointId;
      if (!channelMatches || !pointMatches) continue;
      const by = optOut.channel === undefined ? '' : ` by ${CHANNEL_LABELS[optOut.channel]}`;
      const at =
        context.target !== undefined && optOut.contactPointId !== undefined
          ? ` at this ${POINT_LABELS[context.target.kind]}`
          : '';
      return `On ${formatDay(context.calendar.dayOf(parseInstant(optOut.at)))} the debtor asked not to be contacted${by}${at}.`;
    }
    return null;
  },
};
