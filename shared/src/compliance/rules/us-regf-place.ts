import { citation, defineRule } from '../define-rule.ts';
import { reason } from '../reasons/codes.ts';

/**
 * US-REGF-PLACE — no call or visit to a place the debtor said is inconvenient (a workplace number, a work
 * address). Source: Regulation F 12 CFR 1006.6(b)(1)(ii).
 */
export const usRegfPlace = defineRule({
  id: 'US-REGF-PLACE',
  effect: 'block',
  source: citation('12 CFR 1006.6(b)(1)(ii)'),
  description: {
    en: 'No call or visit at a place the debtor said is inconvenient, such as their workplace.',
    zh: '不得在债务人表示不便的地点（如其工作场所）致电或拜访。',
  },
  timing: false,
  appliesTo: ['call', 'field_visit'],
  check(context) {
    const target = context.target;
    if (target?.inconvenient !== true) return null;
    return reason('inconvenientPlace', { pointKind: target.kind });
  },
});
