import type { Jurisdiction } from '@arrears/shared/compliance/jurisdiction-zones';
import {
  type EffectiveParameters,
  InvalidParameterError,
  ParameterLoosenedError,
  packsFor,
  resolveParameters,
} from '@arrears/shared/compliance/packs';
import { AppError } from '../../errors.ts';

/**
 * The numbers the rules use for one debtor of one portfolio. The portfolio's overrides are filtered to the
 * parameters of the debtor's packs: a Massachusetts override does not apply to a debtor in Washington and
 * must not stop the guard. A loosened or invalid value that does apply fails closed: nothing can be judged,
 * so nothing is done, until an admin fixes the portfolio.
 */
export function parametersFor(
  jurisdiction: Jurisdiction,
  overrides: Record<string, number>,
): EffectiveParameters {
  const packs = packsFor(jurisdiction);
  const known = new Set(packs.flatMap((pack) => pack.parameters.map((p) => p.name)));
  const applicable = Object.fromEntries(Object.entries(overrides).filter(([name]) => known.has(name)));
  try {
    return resolveParameters(packs, applicable);
  } catch (error) {
    if (error instanceof ParameterLoosenedError || error instanceof InvalidParameterError) {
      throw new AppError(
        'PRECONDITION_FAILED',
        `The portfolio's rule parameters cannot be applied (${error.message}); an admin must correct them.`,
      );
    }
    throw error;
  }
}

/**
 * How far back the history must reach: the longest day window of any rule (7-in-7, Massachusetts' 30 days,
 * a portfolio may lengthen them) plus two days of slack for time zones, and never under 31 days.
 */
export function historyDays(parameters: EffectiveParameters): number {
  let longest = 0;
  for (const [name, value] of Object.entries(parameters)) {
    if (/(\.days|Days)$/.test(name) && value > longest) longest = value;
  }
  return Math.max(31, longest + 2);
}
