import { citation, defineRule } from '../define-rule.ts';
import { reason } from '../reasons/codes.ts';

/**
 * US-FDCPA-WORK — no call, email or visit at the debtor's workplace when the employer prohibits it (as the
 * employer or the debtor told us). Source: FDCPA 15 USC 1692c(a)(3).
 */
export const usFdcpaWork = defineRule({
  id: 'US-FDCPA-WORK',
  effect: 'block',
  source: citation('15 USC 1692c(a)(3)'),
  description: {
    en: 'No contact at the workplace when the employer or the debtor prohibits it.',
    zh: '雇主或债务人禁止在工作场所联系的，不得在工作场所联系。',
  },
  timing: false,
  appliesTo: ['call', 'email', 'field_visit'],
  check(context) {
    const target = context.target;
    if (target?.employerProhibits !== true) return null;
    return reason('employerProhibits', { pointKind: target.kind });
  },
});
