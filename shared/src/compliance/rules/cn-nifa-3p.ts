import { defineRule } from '../define-rule.ts';
import { reason } from '../reasons/codes.ts';
import { disclosesDebt } from './third-party.ts';

/**
 * CN-NIFA-3P — a third party may be contacted only if the debtor agreed to it, only while the debtor cannot be
 * reached, and never told of the debt; persons unrelated to the debtor never.
 * Source: NIFA self-discipline convention on collection of overdue internet-finance debts (2018), arts. 13, 14, 18.
 */
export const cnNifa3p = defineRule({
  id: 'CN-NIFA-3P',
  effect: 'block',
  source: 'NIFA convention on collection of overdue internet-finance debts (2018), arts. 13, 14, 18',
  description:
    'Only a contact the debtor agreed to, only when the debtor cannot be reached, never disclosing the debt.',
  timing: false,
  appliesTo: ['third_party_contact'],
  check(context) {
    const { action } = context.facts;
    const thirdParty = action.thirdParty;
    const problems = {
      unrelated: thirdParty == null || thirdParty.relationship === 'unknown',
      notAgreed: thirdParty?.debtorAgreed !== true,
      reachable: thirdParty?.debtorUnreachable !== true,
      disclosesDebt: disclosesDebt(action),
    };
    if (!Object.values(problems).includes(true)) return null;
    return reason('thirdPartyNotAllowed', { relationship: thirdParty?.relationship ?? null, ...problems });
  },
});
