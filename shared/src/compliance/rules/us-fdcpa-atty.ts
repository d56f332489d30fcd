import { CONTACT_ACTIONS } from '../actions.ts';
import { citation, defineRule } from '../define-rule.ts';
import type { ProposedAction } from '../facts.ts';
import { reason } from '../reasons/codes.ts';
import { blockingFact } from './dated.ts';

/** A third-party contact to the attorney: the way to reach a represented debtor. */
const reachesAttorney = (action: ProposedAction) =>
  action.kind === 'third_party_contact' && action.thirdParty?.relationship === 'attorney';

/**
 * US-FDCPA-ATTY — a debtor represented by a known attorney about the debt is contacted through the attorney
 * only; a third-party contact to that attorney is the way. Source: FDCPA 15 USC 1692c(a)(2).
 */
export const usFdcpaAtty = defineRule({
  id: 'US-FDCPA-ATTY',
  effect: 'block',
  source: citation('15 USC 1692c(a)(2)'),
  description: {
    en: 'When the debtor has an attorney for this debt, contact goes to the attorney.',
    zh: '债务人已就该笔债务委托律师的，应联系该律师。',
  },
  timing: false,
  appliesTo: [...CONTACT_ACTIONS, 'third_party_contact'],
  check(context, { at }) {
    const { attorney } = context.facts.debtor;
    if (attorney == null || blockingFact(context, at, context.attorney, reachesAttorney) === null)
      return null;
    return reason('representedByAttorney', { attorney: attorney.name });
  },
});
