import { POINT_LABELS } from '../format.ts';
import type { Rule } from './rule.ts';

/**
 * US-REGF-PLACE — no call or visit to a place the debtor said is inconvenient (a workplace number, a work
 * address). Source: Regulation F 12 CFR 1006.6(b)(1)(ii).
 */
export const usRegfPlace: Rule = {
  id: 'US-REGF-PLACE',
  effect: 'block',
  source: '12 CFR 1006.6(b)(1)(ii)',
  timing: false,
  appliesTo: ['call', 'field_visit'],
  check(context) {
    const target = context.target;
    if (target?.inconvenient !== true) return null;
    return `The debtor said this ${POINT_LABELS[target.kind]} is an inconvenient place to be contacted.`;
  },
};
