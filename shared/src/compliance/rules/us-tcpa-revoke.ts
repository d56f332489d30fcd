import { inEffect } from '../context.ts';
import { formatDay } from '../format.ts';
import type { Rule } from './rule.ts';

/**
 * US-TCPA-REVOKE — consent revoked by any reasonable means (STOP, QUIT, END, REVOKE, OPT OUT, CANCEL,
 * UNSUBSCRIBE, or spoken) ends dialer calls and texts to that number at once, not after the ten business days
 * the FCC allows (decision 6). Source: 47 CFR 64.1200(a)(10)-(12).
 */
export const usTcpaRevoke: Rule = {
  id: 'US-TCPA-REVOKE',
  effect: 'block',
  source: '47 CFR 64.1200(a)(10)-(12)',
  timing: false,
  appliesTo: ['autodial_call', 'sms'],
  check(context, { at }) {
    const revoked = context.consentRevoked;
    if (revoked === null || !inEffect(context, revoked, at)) return null;
    return `The debtor revoked consent to automated calls and texts at this number on ${formatDay(context.calendar.dayOf(revoked.from))}.`;
  },
};
