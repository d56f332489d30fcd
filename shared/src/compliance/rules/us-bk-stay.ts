import { COLLECTION_ACTIONS } from '../actions.ts';
import { inEffect } from '../context.ts';
import { formatDate } from '../format.ts';
import type { Rule } from './rule.ts';

/**
 * US-BK-STAY — a bankruptcy petition on file stays every act to collect the debt.
 * Source: Bankruptcy Code 11 USC 362(a)(6).
 */
export const usBkStay: Rule = {
  id: 'US-BK-STAY',
  effect: 'block',
  source: '11 USC 362(a)(6)',
  timing: false,
  appliesTo: COLLECTION_ACTIONS,
  check(context, { at }) {
    const filed = context.bankruptcy;
    if (filed === null || !inEffect(context, filed, at)) return null;
    return `A bankruptcy petition was filed on ${formatDate(context.calendar, filed.from)}; the automatic stay forbids collection.`;
  },
};
