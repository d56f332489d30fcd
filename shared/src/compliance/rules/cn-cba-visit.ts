import { defineRule } from '../define-rule.ts';
import { reason } from '../reasons/codes.ts';

/**
 * CN-CBA-VISIT — a field visit carries a reference to its audio/video recording (the supervisor's approval
 * is POL-APPROVAL); no entry to home or office without consent.
 * Source: CBA guideline (2026); NIFA convention art. 21.
 */
export const cnCbaVisit = defineRule({
  id: 'CN-CBA-VISIT',
  effect: 'block',
  source: {
    en: 'CBA guideline (2026); NIFA convention art. 21',
    zh: '中国银行业协会《个人消费贷款催收工作指引》（2026年）；《互联网金融逾期债务催收自律公约（试行）》第二十一条',
  },
  description: {
    en: 'A field visit carries an audio/video recording reference and never enters without consent.',
    zh: '上门拜访须注明全程录音录像的存档编号，未经同意不得进入住所或办公场所。',
  },
  timing: false,
  appliesTo: ['field_visit'],
  check(context) {
    if (context.facts.action.recordingRef) return null;
    return reason('visitNotRecorded', {});
  },
});
