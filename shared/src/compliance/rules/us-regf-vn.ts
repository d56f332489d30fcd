import { formatDay } from '../format.ts';
import { parseInstant } from '../instant.ts';
import type { Rule } from './rule.ts';

/**
 * US-REGF-VN — validation information is due within 5 days of the initial communication; a letter or email
 * while it is overdue draws a warning (unless it is the validation notice itself).
 * Source: Regulation F 12 CFR 1006.34(a).
 */
export const usRegfVn: Rule = {
  id: 'US-REGF-VN',
  effect: 'warn',
  source: '12 CFR 1006.34(a)',
  timing: false,
  appliesTo: ['letter', 'email'],
  check(context, { day }) {
    const { action, debt } = context.facts;
    if (debt.initialCommunicationAt == null || debt.validationNoticeSentAt != null) return null;
    if (action.message?.purpose === 'validation_notice') return null;
    const first = context.calendar.dayOf(parseInstant(debt.initialCommunicationAt));
    const due = first + context.params['US-REGF-VN.days'];
    if (day <= due) return null;
    return `Validation information was due by ${formatDay(due)} (the first communication was on ${formatDay(first)}) and has not been sent.`;
  },
};
