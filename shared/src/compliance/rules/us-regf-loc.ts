import { formatDay } from '../format.ts';
import type { Rule } from './rule.ts';
import { countsAsDebtor, describeThirdParty, disclosesDebt } from './third-party.ts';

/**
 * US-REGF-LOC — a location contact reaches each third party once (a second contact of the same person is
 * refused) and never mentions the debt. Source: Regulation F 12 CFR 1006.10; FDCPA 15 USC 1692b.
 */
export const usRegfLoc: Rule = {
  id: 'US-REGF-LOC',
  effect: 'block',
  source: '12 CFR 1006.10; 15 USC 1692b',
  timing: false,
  appliesTo: ['third_party_contact'],
  check(context) {
    const { action } = context.facts;
    const thirdParty = action.thirdParty;
    if (thirdParty == null || thirdParty.purpose !== 'location' || countsAsDebtor(thirdParty)) return null;
    const earlier = context.history.find(
      (event) =>
        event.outbound && event.kind === 'third_party_contact' && event.thirdPartyId === thirdParty.id,
    );
    if (earlier !== undefined) {
      return `${describeThirdParty(thirdParty)} was already contacted for location information on ${formatDay(earlier.day)}; a third party may be contacted only once.`;
    }
    if (disclosesDebt(action)) {
      return 'The message says it comes from a debt collector; a location contact must not mention the debt.';
    }
    return null;
  },
};
