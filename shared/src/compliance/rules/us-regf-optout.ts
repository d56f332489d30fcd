import { defineRule } from '../define-rule.ts';
import { reason } from '../reasons/codes.ts';

/**
 * US-REGF-OPTOUT — every text message and email must tell the debtor how to opt out.
 * Source: Regulation F 12 CFR 1006.6(e).
 */
export const usRegfOptout = defineRule({
  id: 'US-REGF-OPTOUT',
  effect: 'require',
  source: '12 CFR 1006.6(e)',
  description: 'Every text message and email carries a simple opt-out instruction.',
  timing: false,
  appliesTo: ['sms', 'email'],
  check(context) {
    const { action } = context.facts;
    if (action.message?.disclosures?.includes('opt_out')) return null;
    return reason('optOutInstructionMissing', { kind: action.kind });
  },
});
