import { COLLECTION_ACTIONS } from '../actions.ts';
import { citation, defineRule } from '../define-rule.ts';
import { blockedSince } from './dated.ts';

/**
 * US-BK-STAY — a bankruptcy petition on file stays every act to collect the debt.
 * Source: Bankruptcy Code 11 USC 362(a)(6).
 */
export const usBkStay = defineRule({
  id: 'US-BK-STAY',
  effect: 'block',
  source: citation('11 USC 362(a)(6)'),
  description: {
    en: 'No collection while a bankruptcy petition is on file.',
    zh: '破产申请存续期间不得催收。',
  },
  timing: false,
  appliesTo: COLLECTION_ACTIONS,
  check(context, { at }) {
    return blockedSince('bankruptcyStay', context, at, context.bankruptcy);
  },
});
