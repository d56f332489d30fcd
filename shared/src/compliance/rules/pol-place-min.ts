import { formatMoney } from '../../domain/money.ts';
import type { ParameterName } from '../pack-data.ts';
import type { Rule } from './rule.ts';

/**
 * POL-PLACE-MIN — an agency is not sent a balance below the minimum set for its currency (POL-PLACE-MIN.USD,
 * POL-PLACE-MIN.CNY, in minor units): a few cents cost more to place than they can return. A currency without a
 * parameter has no minimum. Agency policy: a portfolio may move it either way.
 */
export const polPlaceMin: Rule = {
  id: 'POL-PLACE-MIN',
  effect: 'block',
  source: 'agency policy',
  timing: false,
  appliesTo: ['agency_placement'],
  check(context) {
    const balance = context.facts.debt.balance;
    if (balance == null) return null;
    const name = `POL-PLACE-MIN.${balance.currency}`;
    const minimum = (context.params as Readonly<Record<string, number>>)[name as ParameterName];
    if (minimum === undefined || balance.amountMinor >= minimum) return null;
    const owed = formatMoney(balance.amountMinor, balance.currency, 'en-US');
    const least = formatMoney(minimum, balance.currency, 'en-US');
    return `The balance of ${owed} is below the ${least} an agency placement needs.`;
  },
};
