import { CONTACT_ACTIONS, ESTATE_REPRESENTATIVES } from '../actions.ts';
import { defineRule } from '../define-rule.ts';
import type { ProposedAction } from '../facts.ts';
import { reason } from '../reasons/codes.ts';
import { blockingFact } from './dated.ts';

/** A third-party contact to the estate's executor, administrator or personal representative. */
const reachesEstate = (action: ProposedAction) => {
  const relationship = action.thirdParty?.relationship;
  return (
    action.kind === 'third_party_contact' &&
    relationship != null &&
    ESTATE_REPRESENTATIVES.includes(relationship)
  );
};

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
    const death = blockingFact(context, at, context.death, reachesEstate);
    return death === null ? null : reason('debtorDeceased', {});
  },
});
