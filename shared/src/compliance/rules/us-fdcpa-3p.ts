import { defineRule } from '../define-rule.ts';
import { reason } from '../reasons/codes.ts';
import { countsAsDebtor } from './third-party.ts';

/**
 * US-FDCPA-3P — a third party who is not the debtor's spouse, parent of a minor, guardian, executor,
 * administrator or attorney may be contacted only to learn where the debtor is, never told of the debt.
 * Source: FDCPA 15 USC 1692c(b); Regulation F 12 CFR 1006.6(a).
 */
export const usFdcpa3p = defineRule({
  id: 'US-FDCPA-3P',
  effect: 'block',
  source: '15 USC 1692c(b); 12 CFR 1006.6(a)',
  description:
    'Third parties other than spouse, parent of a minor, guardian, estate representative or attorney may only be asked for location information, never told of the debt.',
  timing: false,
  appliesTo: ['third_party_contact'],
  check(context) {
    const thirdParty = context.facts.action.thirdParty;
    if (thirdParty != null && (countsAsDebtor(thirdParty) || thirdParty.purpose === 'location')) return null;
    return reason('thirdPartyLocationOnly', { relationship: thirdParty?.relationship ?? null });
  },
});
