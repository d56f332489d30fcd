import { z } from 'zod';
import { atLeast, citation, defineRule } from '../define-rule.ts';
import { reason } from '../reasons/codes.ts';
import { isPhoneKind } from './counting.ts';

/**
 * US-REGF-POSTCONV — after a telephone conversation about the debt on day D (inbound ones too), no call
 * about that debt on local days D..D+6. Source: Regulation F 12 CFR 1006.14(b)(2)(i)(B).
 */
export const usRegfPostconv = defineRule({
  id: 'US-REGF-POSTCONV',
  effect: 'block',
  source: citation('12 CFR 1006.14(b)(2)(i)(B)'),
  description: {
    en: 'After a telephone conversation about the debt, no call about it for the next 7 days.',
    zh: '就该笔债务进行电话沟通后，其后7天内不得再就此致电。',
  },
  timing: true,
  appliesTo: ['call', 'autodial_call', 'voicemail'],
  parameters: z.object({
    days: atLeast(7, 'days', {
      en: 'days without calls after a conversation',
      zh: '电话沟通后不得致电的天数',
    }),
  }),
  check(context, { day }, { days }) {
    let latest: number | null = null;
    for (const event of context.history) {
      const conversation = event.aboutDebt && event.outcome === 'conversation' && isPhoneKind(event.kind);
      if (conversation && event.day <= day && (latest === null || event.day > latest)) latest = event.day;
    }
    if (latest === null || day >= latest + days) return null;
    return reason('recentConversation', { conversationDay: latest, untilDay: latest + days });
  },
});
