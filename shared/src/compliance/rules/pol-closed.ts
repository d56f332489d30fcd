import { COLLECTION_ACTIONS } from '../actions.ts';
import type { Rule } from './rule.ts';

/** POL-CLOSED — a closed case (paid, settled, returned, uncollectible) takes no collection action. Agency policy. */
export const polClosed: Rule = {
  id: 'POL-CLOSED',
  effect: 'block',
  source: 'agency policy',
  timing: false,
  appliesTo: COLLECTION_ACTIONS,
  check(context) {
    if (context.facts.debt.status !== 'closed') return null;
    return 'The case is closed; no collection action may be taken.';
  },
};
