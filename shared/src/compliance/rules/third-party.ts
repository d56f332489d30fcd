import { DEBTOR_EQUIVALENTS } from '../actions.ts';
import type { ProposedAction, ThirdPartyFacts } from '../facts.ts';

/** FDCPA 1692c(d): a spouse, parent of a minor, guardian, executor, administrator or attorney is the debtor. */
export function countsAsDebtor(thirdParty: ThirdPartyFacts): boolean {
  return DEBTOR_EQUIVALENTS.includes(thirdParty.relationship);
}

/** Whether the contact would tell the third party about the debt: a collection purpose or a debt-collector disclosure. */
export function disclosesDebt(action: ProposedAction): boolean {
  if (action.thirdParty?.purpose === 'collection') return true;
  const disclosures = action.message?.disclosures ?? [];
  return disclosures.includes('mini_miranda') || disclosures.includes('mini_miranda_initial');
}
