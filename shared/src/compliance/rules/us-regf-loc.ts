import { citation, defineRule } from '../define-rule.ts';
import { reason } from '../reasons/codes.ts';
import { countsAsDebtor, disclosesDebt } from './third-party.ts';

/**
 * US-REGF-LOC — a location contact reaches each third party once (a second contact of the same person is
 * refused) and never mentions the debt. Source: Regulation F 12 CFR 1006.10; FDCPA 15 USC 1692b.
 */
export const usRegfLoc = defineRule({
  id: 'US-REGF-LOC',
  effect: 'block',
  source: citation('12 CFR 1006.10; 15 USC 1692b'),
  description: {
    en: 'A third party may be contacted for location information once; the script never mentions the debt.',
    zh: '为查询债务人下落，同一第三方仅可联系一次；话术中不得提及债务。',
  },
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
      return reason('thirdPartyAlreadyContacted', {
        relationship: thirdParty.relationship,
        day: earlier.day,
      });
    }
    if (disclosesDebt(action)) return reason('locationContactDisclosesDebt', {});
    return null;
  },
});
