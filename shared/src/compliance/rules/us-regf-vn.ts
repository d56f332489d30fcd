import { z } from 'zod';
import { inEffect } from '../context.ts';
import { defineRule, limit } from '../define-rule.ts';
import { reason } from '../reasons/codes.ts';

/**
 * US-REGF-VN — validation information is due within 5 days of the initial communication; a letter or email
 * while it is overdue draws a warning (unless it is the validation notice itself).
 * Source: Regulation F 12 CFR 1006.34(a).
 */
export const usRegfVn = defineRule({
  id: 'US-REGF-VN',
  effect: 'warn',
  source: '12 CFR 1006.34(a)',
  description:
    'Validation information is due within 5 days of the initial communication (a warning when overdue).',
  timing: false,
  appliesTo: ['letter', 'email'],
  parameters: z.object({
    days: limit(5, { direction: 'max', unit: 'days', description: 'days to send validation information' }),
  }),
  check(context, { at, day }, { days }) {
    const { action } = context.facts;
    const initial = context.initialCommunication;
    if (initial === null || !inEffect(context, initial, at)) return null;
    if (inEffect(context, context.validationNoticeSent, at)) return null;
    if (action.message?.purpose === 'validation_notice') return null;
    const first = context.calendar.dayOf(initial.from);
    const due = first + days;
    if (day <= due) return null;
    return reason('validationOverdue', { dueDay: due, firstDay: first });
  },
});
