import { COLLECTION_ACTIONS } from '../actions.ts';
import { defineRule } from '../define-rule.ts';
import { reason } from '../reasons/codes.ts';

/** POL-CLOSED — a closed case (paid, settled, returned, uncollectible) takes no collection action. Agency policy. */
export const polClosed = defineRule({
  id: 'POL-CLOSED',
  effect: 'block',
  source: 'agency policy',
  description: 'No collection on a closed case.',
  timing: false,
  appliesTo: COLLECTION_ACTIONS,
  check(context) {
    if (context.facts.debt.status !== 'closed') return null;
    return reason('caseClosed', {});
  },
});
