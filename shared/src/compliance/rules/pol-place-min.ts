import { z } from 'zod';
import type { Localized } from '../../domain/language.ts';
import { AGENCY_POLICY, atLeast, defineRule } from '../define-rule.ts';
import { reason } from '../reasons/codes.ts';

/** The parameter of one currency: its minimum in minor units, which `unit` names. */
const minimumIn = (currency: string, amountMinor: number, unit: Localized) =>
  atLeast(amountMinor, 'minor_units', {
    en: `smallest balance placed with an agency, in ${unit.en} (${currency})`,
    zh: `委外催收的最低余额，单位为${unit.zh}（${currency}）`,
  });

/**
 * POL-PLACE-MIN — an agency is not sent a balance below the minimum set for its currency (one parameter per
 * currency the book holds, in its minor units): a few cents cost more to place than they can return. A currency
 * without a parameter has no minimum. Agency policy: a portfolio may move it either way.
 */
export const polPlaceMin = defineRule({
  id: 'POL-PLACE-MIN',
  effect: 'block',
  source: AGENCY_POLICY,
  description: {
    en: 'No agency placement of a balance below the minimum set for its currency.',
    zh: '余额低于该币种所设最低金额的，不得委外催收。',
  },
  timing: false,
  appliesTo: ['agency_placement'],
  parameters: z.object({
    USD: minimumIn('USD', 2_500, { en: 'cents', zh: '美分' }),
    CNY: minimumIn('CNY', 20_000, { en: 'fen', zh: '分' }),
  }),
  check(context, _moment, minimums) {
    const balance = context.facts.debt.balance;
    if (balance == null) return null;
    if (!Object.hasOwn(minimums, balance.currency)) return null;
    const minimum = (minimums as Readonly<Record<string, number>>)[balance.currency]!;
    if (balance.amountMinor >= minimum) return null;
    return reason('belowPlacementMinimum', {
      amountMinor: balance.amountMinor,
      minimumMinor: minimum,
      currency: balance.currency,
    });
  },
});
