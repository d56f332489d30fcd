import type { Rule } from './rule.ts';
import { describeThirdParty, disclosesDebt } from './third-party.ts';

/**
 * CN-NIFA-3P — a third party may be contacted only if the debtor agreed to it, only while the debtor cannot be
 * reached, and never told of the debt; persons unrelated to the debtor never.
 * Source: NIFA self-discipline convention on collection of overdue internet-finance debts (2018), arts. 13, 14, 18.
 */
export const cnNifa3p: Rule = {
  id: 'CN-NIFA-3P',
  effect: 'block',
  source: 'NIFA convention on collection of overdue internet-finance debts (2018), arts. 13, 14, 18',
  timing: false,
  appliesTo: ['third_party_contact'],
  check(context) {
    const { action } = context.facts;
    const thirdParty = action.thirdParty;
    const problems: string[] = [];
    if (thirdParty == null || thirdParty.relationship === 'unknown')
      problems.push('they are unrelated to the debtor');
    if (thirdParty?.debtorAgreed !== true) problems.push('the debtor did not agree to this contact');
    if (thirdParty?.debtorUnreachable !== true) problems.push('the debtor can still be reached');
    if (disclosesDebt(action)) problems.push('the contact would disclose the debt');
    if (problems.length === 0) return null;
    return `${describeThirdParty(thirdParty)} may not be contacted: ${problems.join('; ')}.`;
  },
};
