import { formatDay } from '../format.ts';
import { isPhoneKind } from './counting.ts';
import type { Rule } from './rule.ts';

/**
 * US-REGF-POSTCONV — after a telephone conversation about the debt on day D (inbound ones too), no call
 * about that debt on local days D..D+6. Source: Regulation F 12 CFR 1006.14(b)(2)(i)(B).
 */
export const usRegfPostconv: Rule = {
  id: 'US-REGF-POSTCONV',
  effect: 'block',
  source: '12 CFR 1006.14(b)(2)(i)(B)',
  timing: true,
  appliesTo: ['call', 'autodial_call', 'voicemail'],
  check(context, { day }) {
    const days = context.params['US-REGF-POSTCONV.days'];
    let latest: number | null = null;
    for (const event of context.history) {
      const conversation = event.aboutDebt && event.outcome === 'conversation' && isPhoneKind(event.kind);
      if (conversation && event.day <= day && (latest === null || event.day > latest)) latest = event.day;
    }
    if (latest === null || day >= latest + days) return null;
    return `The debtor had a telephone conversation about this debt on ${formatDay(latest)} (debtor's time); no calls about it until ${formatDay(latest + days)}.`;
  },
};
