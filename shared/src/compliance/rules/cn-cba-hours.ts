import { z } from 'zod';
import { CONTACT_ACTIONS } from '../actions.ts';
import { defineRule } from '../define-rule.ts';
import { reason } from '../reasons/codes.ts';
import { hoursParameters, outsideHours } from './clock.ts';

/**
 * CN-CBA-HOURS — no collection between 22:00 and 08:00 local time, unless the debtor agreed to be contacted
 * at that time (a consented window covers it).
 * Source: China Banking Association guideline on collection of personal consumer loans (2026).
 */
export const cnCbaHours = defineRule({
  id: 'CN-CBA-HOURS',
  effect: 'block',
  source: {
    en: 'CBA guideline on collection of personal consumer loans (2026)',
    zh: '中国银行业协会《个人消费贷款催收工作指引》（2026年）',
  },
  description: {
    en: 'No collection between 22:00 and 08:00 local time unless the debtor agreed to that time.',
    zh: '当地时间22:00至次日08:00之间不得催收，债务人同意在该时段接受联系的除外。',
  },
  timing: true,
  appliesTo: [...CONTACT_ACTIONS.filter((kind) => kind !== 'letter'), 'third_party_contact'],
  // A transactional message too (docs/compliance/CATALOG.md, principle 12).
  transactional: true,
  parameters: z.object(
    hoursParameters(8 * 60, 22 * 60, {
      start: { en: 'earliest local time to collect', zh: '当地时间最早催收时间' },
      end: { en: 'local time collection must end by', zh: '当地时间催收截止时间' },
    }),
  ),
  check(context, { at }, hours) {
    const outside = outsideHours(context, at, hours, context.consentedTimes);
    return outside === null ? null : reason('collectionOutsideHours', outside);
  },
});
