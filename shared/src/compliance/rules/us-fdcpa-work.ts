import { POINT_LABELS } from '../format.ts';
import type { Rule } from './rule.ts';

/**
 * US-FDCPA-WORK — no call, email or visit at the debtor's workplace when the employer prohibits it (as the
 * employer or the debtor told us). Source: FDCPA 15 USC 1692c(a)(3).
 */
export const usFdcpaWork: Rule = {
  id: 'US-FDCPA-WORK',
  effect: 'block',
  source: '15 USC 1692c(a)(3)',
  timing: false,
  appliesTo: ['call', 'email', 'field_visit'],
  check(context) {
    const target = context.target;
    if (target?.employerProhibits !== true) return null;
    return `The debtor's employer prohibits collection contact at this ${POINT_LABELS[target.kind]}.`;
  },
};
