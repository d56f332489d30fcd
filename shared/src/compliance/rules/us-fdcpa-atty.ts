import { CONTACT_ACTIONS } from '../actions.ts';
import { inEffect } from '../context.ts';
import type { Rule } from './rule.ts';

/**
 * US-FDCPA-ATTY — a debtor represented by a known attorney about the debt is contacted through the attorney
 * only; a third-party contact to that attorney is the way. Source: FDCPA 15 USC 1692c(a)(2).
 */
export const usFdcpaAtty: Rule = {
  id: 'US-FDCPA-ATTY',
  effect: 'block',
  source: '15 USC 1692c(a)(2)',
  timing: false,
  appliesTo: [...CONTACT_ACTIONS, 'third_party_contact'],
  check(context, { at }) {
    const { action, debtor } = context.facts;
    if (debtor.attorney == null || !inEffect(context, context.attorney, at)) return null;
    if (action.kind === 'third_party_contact' && action.thirdParty?.relationship === 'attorney') return null;
    return `The debtor is represented by an attorney (${debtor.attorney.name}) for this debt; contact the attorney instead.`;
  },
};
