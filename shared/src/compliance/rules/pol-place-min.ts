import { z } from 'zod';
import { defineRule, limit } from '../define-rule.ts';
import { reason } from '../reasons/codes.ts';

/**
 * POL-PLACE-MIN — an agency is not sent a balance below the minimum set for its currency (one parameter per
 * currency the book holds, in its minor units): a few cents cost more to place than they can return. A currency
 * without a parameter has no minimum. Agency policy: a portfolio may move it either way.
 */
export const polPlaceMin = defineRule({
  id: 'POL-PLACE-MIN',
  effect: 'block',
  source: 'agency policy',
  description: 'No agency placement of a balance below the minimum set for its currency.',
  timing: false,
  appliesTo: ['agency_placement'],
  parameters: z.object({
    USD: limit(2_500, {
      direction: 'min',
      unit: 'minor_units',
      description: 'smallest balance placed with an agency, in cents (USD)',
    }),
    CNY: limit(20_000, {
      direction: 'min',
      unit: 'minor_units',
      description: 'smallest balance placed with an agency, in fen (CNY)',
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
