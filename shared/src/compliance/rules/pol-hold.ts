import { COLLECTION_ACTIONS } from '../actions.ts';
import { inEffect } from '../context.ts';
import { formatLocal } from '../format.ts';
import type { Rule } from './rule.ts';

/**
 * POL-HOLD — a case on hold (complaint under review, settlement pending, manual hold) takes no collection
 * action until the hold ends. Not a time-of-day or frequency rule, so the verdict names no next allowed time
 * (decision 10); the reason says when the hold ends, and `opensAt` reads that end. Agency policy.
 */
export const polHold: Rule = {
  id: 'POL-HOLD',
  effect: 'block',
  source: 'agency policy',
  timing: false,
  appliesTo: COLLECTION_ACTIONS,
  check(context, { at }) {
    const hold = context.hold;
    if (hold === null || !inEffect(context, hold, at)) return null;
    return `The case is on hold until ${formatLocal(context.calendar, hold.until)}.`;
  },
  lapsesAt: (context) => context.hold?.until ?? null,
};
