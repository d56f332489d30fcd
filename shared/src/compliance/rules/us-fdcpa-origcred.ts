import { COLLECTION_ACTIONS } from '../actions.ts';
import { inEffect } from '../context.ts';
import { citation, defineRule } from '../define-rule.ts';
import { formatDate } from '../format.ts';
import { reason } from '../reasons/codes.ts';

/**
 * US-FDCPA-ORIGCRED — a request for the original creditor's name and address pauses collection as a dispute does,
 * until the answer is sent (docs/compliance/CATALOG.md, principle 14). The answer itself (a letter or email whose
 * purpose is `original_creditor_answer`) may go out. Source: FDCPA 15 USC 1692g(b).
 */
export const usFdcpaOrigcred = defineRule({
  id: 'US-FDCPA-ORIGCRED',
  effect: 'block',
  source: citation('15 USC 1692g(b)'),
  description: {
    en: 'A request for the original creditor’s name and address pauses collection until the answer is sent.',
    zh: '债务人要求提供原债权人名称和地址的，在答复寄出前暂停催收。',
  },
  timing: false,
  appliesTo: COLLECTION_ACTIONS,
  check(context, { at }) {
    const request = context.originalCreditorRequest;
    if (request === null || !inEffect(context, request, at)) return null;
    const { action } = context.facts;
    const isAnswer = action.message?.purpose === 'original_creditor_answer';
    if ((action.kind === 'letter' || action.kind === 'email') && isAnswer) return null;
    return reason('originalCreditorRequested', { date: formatDate(context.calendar, request.from) });
  },
});
