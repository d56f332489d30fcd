import { COLLECTION_ACTIONS } from '../actions.ts';
import { AGENCY_POLICY, defineRule } from '../define-rule.ts';
import { reason } from '../reasons/codes.ts';
import { localTime } from './clock.ts';
import { blockingFact } from './dated.ts';

/**
 * POL-HOLD — a case on hold (complaint under review, settlement pending, manual hold) takes no collection
 * action until the hold ends. Not a time-of-day or frequency rule, so the verdict names no next allowed time
 * (docs/compliance/CATALOG.md, principle 10); the reason says when the hold ends, and `opensAt` reads that end.
 * Agency policy.
 */
export const polHold = defineRule({
  id: 'POL-HOLD',
  effect: 'block',
  source: AGENCY_POLICY,
  description: { en: 'No collection while the case is on hold.', zh: '案件暂缓期间不得催收。' },
  timing: false,
  appliesTo: COLLECTION_ACTIONS,
  check(context, { at }) {
    const hold = blockingFact(context, at, context.hold);
    return hold === null ? null : reason('onHold', localTime(context.calendar, hold.until));
  },
  lapsesAt: (context) => context.hold?.until ?? null,
});
