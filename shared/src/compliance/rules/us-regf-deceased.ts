import { CONTACT_ACTIONS, ESTATE_REPRESENTATIVES } from '../actions.ts';
import { inEffect } from '../context.ts';
import { defineRule } from '../define-rule.ts';
import { reason } from '../reasons/codes.ts';

/**
 * US-REGF-DECEASED — once the debtor has died, only the estate's executor, administrator or personal
 * representative may be contacted. Source: Regulation F 12 CFR 1006.6(a)(4) and its commentary.
 */
export const usRegfDeceased = defineRule({
  id: 'US-REGF-DECEASED',
  effect: 'block',
  source: { en: '12 CFR 1006.6(a)(4) commentary', zh: '12 CFR 1006.6(a)(4) 官方评注' },
  description: {
    en: 'When the debtor has died, only the estate’s representative may be contacted.',
    zh: '债务人已去世的，仅可联系其遗产代理人。',
  },
  timing: false,
  appliesTo: [...CONTACT_ACTIONS, 'third_party_contact'],
  // A transactional message too (docs/compliance/CATALOG.md, principle 12).
  transactional: true,
  check(context, { at }) {
    const { action } = context.facts;
    if (!inEffect(context, context.death, at)) return null;
    const relationship = action.thirdParty?.relationship;
    if (
      action.kind === 'third_party_contact' &&
      relationship &&
      ESTATE_REPRESENTATIVES.includes(relationship)
    ) {
      return null;
    }
    return reason('debtorDeceased', {});
  },
});
