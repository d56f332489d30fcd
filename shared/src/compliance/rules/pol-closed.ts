import { COLLECTION_ACTIONS } from '../actions.ts';
import { AGENCY_POLICY, defineRule } from '../define-rule.ts';
import { reason } from '../reasons/codes.ts';

/** POL-CLOSED — a closed case (paid, settled, returned, uncollectible) takes no collection action. Agency policy. */
export const polClosed = defineRule({
  id: 'POL-CLOSED',
  effect: 'block',
  source: AGENCY_POLICY,
  description: { en: 'No collection on a closed case.', zh: '已结案的案件不得催收。' },
  timing: false,
  appliesTo: COLLECTION_ACTIONS,
  check(context) {
    if (context.facts.debt.status !== 'closed') return null;
    return reason('caseClosed', {});
  },
});
