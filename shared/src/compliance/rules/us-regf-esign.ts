import { inEffect } from '../context.ts';
import { citation, defineRule } from '../define-rule.ts';
import { reason } from '../reasons/codes.ts';

/**
 * US-REGF-ESIGN — a validation notice goes by email only with the debtor's E-SIGN consent on record, and with the
 * creditor's name in the subject line (docs/compliance/CATALOG.md, principle 14). Source: Regulation F
 * 12 CFR 1006.42 and 1006.34; E-SIGN Act 15 USC 7001(c).
 */
export const usRegfEsign = defineRule({
  id: 'US-REGF-ESIGN',
  effect: 'block',
  source: citation('12 CFR 1006.42; 15 USC 7001(c)'),
  description: {
    en: 'A validation notice goes by email only with the debtor’s E-SIGN consent on record and the creditor’s name in the subject line.',
    zh: '仅在债务人已依美国《电子签名法》同意电子送达且邮件主题注明债权人名称时，方可通过电子邮件发送债务确认通知。',
  },
  timing: false,
  appliesTo: ['email'],
  check(context, { at }) {
    const message = context.facts.action.message;
    if (message?.purpose !== 'validation_notice') return null;
    if (!inEffect(context, context.esignConsent, at)) return reason('esignConsentMissing', {});
    if (!message.disclosures?.includes('creditor_in_subject')) return reason('creditorNotInSubject', {});
    return null;
  },
});
