import { inEffect } from '../context.ts';
import { defineRule } from '../define-rule.ts';
import { reason } from '../reasons/codes.ts';

/**
 * POL-UNDELIVERABLE — an address that bounced an email or returned a letter, or a number a text could not reach,
 * is undeliverable from then on: nothing is sent there until it is confirmed again (docs/compliance/CATALOG.md,
 * principle 14). The bounced message itself counted toward no cap. Source: agency policy.
 */
export const polUndeliverable = defineRule({
  id: 'POL-UNDELIVERABLE',
  effect: 'block',
  source: { en: 'agency policy', zh: '本机构政策' },
  description: {
    en: 'Nothing is sent to an address or number marked undeliverable (a bounce or returned mail).',
    zh: '已标记为无法送达（退信或邮件被退回）的地址或号码不再发送任何内容。',
  },
  timing: false,
  appliesTo: ['sms', 'email', 'letter', 'app_push'],
  check(context, { at }) {
    const point = context.target;
    const undeliverable = context.undeliverable;
    if (point === undefined || !inEffect(context, undeliverable, at)) return null;
    return reason('addressUndeliverable', {
      day: context.calendar.dayOf(undeliverable!.from),
      pointKind: point.kind,
    });
  },
});
