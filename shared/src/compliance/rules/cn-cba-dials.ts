import { z } from 'zod';
import { atMost, defineRule } from '../define-rule.ts';
import { reason } from '../reasons/codes.ts';
import { isUnansweredCall } from './counting.ts';

/**
 * CN-CBA-DIALS — at most 6 unanswered outbound dials (calls, autodialled calls and voicemails: leaving a voicemail
 * is a dial; any outcome but conversation, wrong_party, third_party) per contact point per local day, whatever the
 * debt; the 7th is refused, a voicemail included.
 * Source: China Banking Association guideline on collection of personal consumer loans (2026).
 */
export const cnCbaDials = defineRule({
  id: 'CN-CBA-DIALS',
  effect: 'block',
  source: {
    en: 'CBA guideline on collection of personal consumer loans (2026)',
    zh: '中国银行业协会《个人消费贷款催收工作指引》（2026年）',
  },
  description: {
    en: 'At most 6 unanswered dials (calls and voicemails) per contact point per local day; the 7th is blocked.',
    zh: '同一联系方式每个自然日（当地时间）未接通的拨打（含电话和语音留言）不超过6次；第7次将被拦截。',
  },
  timing: true,
  appliesTo: ['call', 'autodial_call', 'voicemail'],
  parameters: z.object({
    max: atMost(6, 'count', {
      en: 'unanswered dials (calls and voicemails) per contact point per day',
      zh: '同一联系方式每日未接通的拨打次数（含电话和语音留言）',
    }),
  }),
  check(context, { day }, { max }) {
    const pointId = context.facts.action.contactPointId;
    let unanswered = 0;
    for (const event of context.history) {
      if (event.day === day && event.contactPointId === pointId && isUnansweredCall(event)) unanswered++;
    }
    if (unanswered + 1 <= max) return null;
    return reason('dailyDialCapReached', { unanswered, day, max });
  },
});
