import { COLLECTION_ACTIONS } from '../actions.ts';
import { inEffect } from '../context.ts';
import { defineRule } from '../define-rule.ts';
import { formatDate } from '../format.ts';
import { reason } from '../reasons/codes.ts';

/**
 * US-BK-STAY — a bankruptcy petition on file stays every act to collect the debt.
 * Source: Bankruptcy Code 11 USC 362(a)(6).
 */
export const usBkStay = defineRule({
  id: 'US-BK-STAY',
  effect: 'block',
  source: '11 USC 362(a)(6)',
  description: 'No collection while a bankruptcy petition is on file.',
  timing: false,
  appliesTo: COLLECTION_ACTIONS,
  check(context, { at }) {
    const filed = context.bankruptcy;
    if (filed === null || !inEffect(context, filed, at)) return null;
    return reason('bankruptcyStay', { date: formatDate(context.calendar, filed.from) });
  },
});
