import { z } from 'zod';
import { inEffect } from '../context.ts';
import { citation, defineRule, limit } from '../define-rule.ts';
import { reason } from '../reasons/codes.ts';

/**
 * US-REGF-EADDR — an email or text goes only to an address or number the debtor used to communicate with the
 * agency or gave it directly, or that the creditor used and whose notice-and-opt-out period has passed; never to
 * one known to be the debtor's employer's (docs/compliance/CATALOG.md, principle 14). An address whose origin is
 * not recorded is refused. Source: Regulation F 12 CFR 1006.6(d)(4).
 */
export const usRegfEaddr = defineRule({
  id: 'US-REGF-EADDR',
  effect: 'block',
  source: citation('12 CFR 1006.6(d)(4)'),
  description: {
    en: 'Email and texts go only to an address the debtor used or gave, or one the creditor used after its opt-out notice period; never to an employer’s.',
    zh: '电子邮件和短信只能发往债务人使用过或直接提供的地址或号码，或债权人使用过且其退订通知期已满的地址；不得发往已知属于债务人雇主的地址。',
  },
  timing: false,
  appliesTo: ['sms', 'email'],
  parameters: z.object({
    noticeWait: limit(35, {
      direction: 'min',
      unit: 'days',
      description: {
        en: 'days after the creditor’s notice before its address may be used',
        zh: '债权人发出通知后须等待的天数，期满方可使用其提供的地址',
      },
    }),
  }),
  check(context, { at, day }, { noticeWait }) {
    const point = context.target;
    if (point === undefined) return null;
    const kind = context.facts.action.kind;
    const provenance = point.provenance ?? null;
    if (provenance === 'debtor_used' || provenance === 'debtor_given') return null;
    if (provenance !== 'creditor_used') return reason('addressOriginNotAllowed', { kind, provenance });
    const notice = context.creditorNotice;
    if (notice === null || !inEffect(context, notice, at)) {
      return reason('creditorNoticePending', { kind, noticeDay: null, untilDay: null });
    }
    const noticeDay = context.calendar.dayOf(notice.from);
    // The opt-out period is the noticeWait local days from the notice's own day; the address opens the day after.
    if (day >= noticeDay + noticeWait) return null;
    return reason('creditorNoticePending', { kind, noticeDay, untilDay: noticeDay + noticeWait });
  },
});
