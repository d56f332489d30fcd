import { z } from 'zod';
import { inEffect } from '../context.ts';
import { atMost, citation, defineRule } from '../define-rule.ts';
import { reason } from '../reasons/codes.ts';

/**
 * US-REGF-VN — validation information is due within 5 days of the initial communication; a letter or email
 * while it is overdue draws a warning (unless it is the validation notice itself).
 * Source: Regulation F 12 CFR 1006.34(a).
 */
export const usRegfVn = defineRule({
  id: 'US-REGF-VN',
  effect: 'warn',
  source: citation('12 CFR 1006.34(a)'),
  description: {
    en: 'Validation information is due within 5 days of the initial communication (a warning when overdue).',
    zh: '须在首次联系后5天内发送债务确认信息（逾期将予以警示）。',
  },
  timing: false,
  appliesTo: ['letter', 'email'],
  parameters: z.object({
    days: atMost(5, 'days', {
      en: 'days to send validation information',
      zh: '发送债务确认信息的期限（天）',
    }),
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
