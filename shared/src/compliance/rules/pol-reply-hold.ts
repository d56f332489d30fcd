import { inEffect } from '../context.ts';
import { defineRule } from '../define-rule.ts';
import { reason } from '../reasons/codes.ts';

/**
 * POL-REPLY-HOLD — a reply from a number that was not recognized as stop or help holds texts to that number until
 * a person has classified it: it may mean stop (docs/compliance/CATALOG.md, principle 13). Source: agency policy,
 * for the TCPA's "revocation by any reasonable means" (47 CFR 64.1200(a)(10)).
 */
export const polReplyHold = defineRule({
  id: 'POL-REPLY-HOLD',
  effect: 'block',
  source: { en: 'agency policy', zh: '本机构政策' },
  description: {
    en: 'No texts to a number whose reply has not been classified yet (it may mean stop).',
    zh: '号码发来的回复尚未分类的，不得再向该号码发送短信（该回复可能表示退订）。',
  },
  timing: false,
  appliesTo: ['sms'],
  check(context, { at }) {
    for (const hold of context.replyHolds) {
      if (inEffect(context, hold, at)) {
        return reason('replyUnclassified', { day: context.calendar.dayOf(hold.from) });
      }
    }
    return null;
  },
});
