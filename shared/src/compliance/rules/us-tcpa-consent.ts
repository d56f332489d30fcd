import { inEffect } from '../context.ts';
import { citation, defineRule } from '../define-rule.ts';
import { reason } from '../reasons/codes.ts';

/**
 * US-TCPA-CONSENT — a dialer or prerecorded call, or a text, to a mobile number needs prior express consent
 * for that number (a number the debtor gave for this debt counts). When consent was given and later revoked,
 * US-TCPA-REVOKE reports it instead (docs/compliance/CATALOG.md, principle 8).
 * Source: TCPA 47 USC 227(b)(1)(A)(iii).
 */
export const usTcpaConsent = defineRule({
  id: 'US-TCPA-CONSENT',
  effect: 'block',
  source: citation('47 USC 227(b)(1)(A)(iii)'),
  description: {
    en: 'Dialer calls and texts to a mobile number need prior express consent for that number.',
    zh: '向手机号码拨打自动拨号电话或发送短信，须事先取得该号码的明示同意。',
  },
  timing: false,
  appliesTo: ['autodial_call', 'sms'],
  check(context, { at }) {
    const { kind } = context.facts.action;
    const target = context.target;
    // An unknown contact point is treated as a mobile number without consent: the safe reading.
    if (target !== undefined && (target.kind !== 'mobile' || inEffect(context, context.consentRevoked, at)))
      return null;
    const consented = kind === 'sms' ? target?.consent?.sms : target?.consent?.autodial;
    if (consented === true) return null;
    return reason('noConsent', { kind });
  },
});
