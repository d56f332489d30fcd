import { citation, defineRule } from '../define-rule.ts';
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
  source: citation('15 USC 1692c(b); 12 CFR 1006.6(a)'),
  description: {
    en: 'Third parties other than spouse, parent of a minor, guardian, estate representative or attorney may only be asked for location information, never told of the debt.',
    zh: '除配偶、未成年债务人的父母、监护人、遗产代理人或律师外，对其他第三方仅可询问债务人的下落信息，不得告知该笔债务。',
  },
  timing: false,
  appliesTo: ['third_party_contact'],
  check(context) {
    const thirdParty = context.facts.action.thirdParty;
    if (thirdParty != null && (countsAsDebtor(thirdParty) || thirdParty.purpose === 'location')) return null;
    return reason('thirdPartyLocationOnly', { relationship: thirdParty?.relationship ?? null });
  },
});
