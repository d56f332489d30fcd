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
  source: {
    en: 'NIFA convention on collection of overdue internet-finance debts (2018), arts. 13, 14, 18',
    zh: '中国互联网金融协会《互联网金融逾期债务催收自律公约（试行）》（2018年）第十三条、第十四条、第十八条',
  },
  description: {
    en: 'Only a contact the debtor agreed to, only when the debtor cannot be reached, never disclosing the debt.',
    zh: '仅可联系债务人同意的联系人，且仅限无法联系到债务人本人时，不得透露债务信息。',
  },
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
