import { ACTION_LABELS } from '../format.ts';
import type { Rule } from './rule.ts';

/**
 * US-REGF-OPTOUT — every text message and email must tell the debtor how to opt out.
 * Source: Regulation F 12 CFR 1006.6(e).
 */
export const usRegfOptout: Rule = {
  id: 'US-REGF-OPTOUT',
  effect: 'require',
  source: '12 CFR 1006.6(e)',
  timing: false,
  appliesTo: ['sms', 'email'],
  check(context) {
    const { action } = context.facts;
    if (action.message?.disclosures?.includes('opt_out')) return null;
    return `This ${ACTION_LABELS[action.kind]} carries no opt-out instruction; every electronic message must say how to opt out.`;
  },
};
