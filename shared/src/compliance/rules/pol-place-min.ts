import { z } from 'zod';
import { AGENCY_POLICY, atLeast, defineRule } from '../define-rule.ts';
import { reason } from '../reasons/codes.ts';

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
    USD: atLeast(2_500, 'minor_units', {
      en: 'smallest balance placed with an agency, in cents (USD)',
      zh: '委外催收的最低余额，单位为美分（USD）',
    }),
    CNY: atLeast(20_000, 'minor_units', {
      en: 'smallest balance placed with an agency, in fen (CNY)',
      zh: '委外催收的最低余额，单位为分（CNY）',
    }),
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
