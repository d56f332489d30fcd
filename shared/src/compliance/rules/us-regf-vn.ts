import { inEffect } from '../context.ts';
import { formatDay } from '../format.ts';
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
  check(context, { at, day }) {
    const { action } = context.facts;
    const initial = context.initialCommunication;
    if (initial === null || !inEffect(context, initial, at)) return null;
    if (inEffect(context, context.validationNoticeSent, at)) return null;
    if (action.message?.purpose === 'validation_notice') return null;
    const first = context.calendar.dayOf(initial.from);
    const due = first + context.params['US-REGF-VN.days'];
    if (day <= due) return null;
    return `Validation information was due by ${formatDay(due)} (the first communication was on ${formatDay(first)}) and has not been sent.`;
  },
};
