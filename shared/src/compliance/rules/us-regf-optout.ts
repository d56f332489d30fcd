import { citation, defineRule } from '../define-rule.ts';
import { reason } from '../reasons/codes.ts';

/**
 * US-REGF-OPTOUT — every text message and email must tell the debtor how to opt out.
 * Source: Regulation F 12 CFR 1006.6(e).
 */
export const usRegfOptout = defineRule({
  id: 'US-REGF-OPTOUT',
  effect: 'require',
  source: citation('12 CFR 1006.6(e)'),
  description: {
    en: 'Every text message and email carries a simple opt-out instruction.',
    zh: '每条短信和电子邮件都须附有简明的退订说明。',
  },
  timing: false,
  appliesTo: ['sms', 'email'],
  check(context) {
    const { action } = context.facts;
    if (action.message?.disclosures?.includes('opt_out')) return null;
    return reason('optOutInstructionMissing', { kind: action.kind });
  },
});
