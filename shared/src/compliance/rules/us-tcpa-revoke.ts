import { citation, defineRule } from '../define-rule.ts';
import { reason } from '../reasons/codes.ts';
import { blockingFact } from './dated.ts';

/**
 * US-TCPA-REVOKE — consent revoked by any reasonable means (STOP, QUIT, END, REVOKE, OPT OUT, CANCEL,
 * UNSUBSCRIBE, or spoken) ends dialer calls and texts to that number at once, not after the ten business days
 * the FCC allows (docs/compliance/CATALOG.md, principle 6). Source: 47 CFR 64.1200(a)(10)-(12).
 */
export const usTcpaRevoke = defineRule({
  id: 'US-TCPA-REVOKE',
  effect: 'block',
  source: citation('47 CFR 64.1200(a)(10)-(12)'),
  description: {
    en: 'No dialer calls or texts once consent was revoked by any reasonable means.',
    zh: '债务人以任何合理方式撤回同意后，不得再拨打自动拨号电话或发送短信。',
  },
  timing: false,
  appliesTo: ['autodial_call', 'sms'],
  check(context, { at }) {
    const revoked = blockingFact(context, at, context.consentRevoked);
    return revoked === null ? null : reason('consentRevoked', { day: context.calendar.dayOf(revoked.from) });
  },
});
