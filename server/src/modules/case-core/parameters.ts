import type { Jurisdiction } from '@arrears/shared/compliance/jurisdiction-zones';
import {
  type EffectiveParameters,
  InvalidParameterError,
  type JurisdictionPack,
  ParameterLoosenedError,
  packsFor,
  resolveParameters,
} from '@arrears/shared/compliance/packs';
import { errorMessage } from '@arrears/shared/errors/messages';
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
  // Every guarded action, preview and queue refresh resolves the same few (packs, overrides) pairs: the result is
  // read-only and a pure function of them, so it is kept (errors too, as their message) instead of re-validated.
  const packs = packsFor(jurisdiction);
  let byOverrides = resolved.get(packs);
  if (byOverrides === undefined) {
    byOverrides = new Map();
    resolved.set(packs, byOverrides);
  }
  const key = JSON.stringify(overrides);
  let entry = byOverrides.get(key);
  if (entry === undefined) {
    entry = resolve(packs, overrides);
    if (byOverrides.size >= MAX_REMEMBERED) byOverrides.clear();
    byOverrides.set(key, entry);
  }
  if (typeof entry === 'string')
    throw new AppError('PRECONDITION_FAILED', errorMessage('case.rulesUnavailable', { detail: entry }));
  return entry;
}

const MAX_REMEMBERED = 1_000;
const resolved = new Map<readonly JurisdictionPack[], Map<string, EffectiveParameters | string>>();

/** The effective parameters, or the refusal's message when the overrides cannot be applied. */
function resolve(
  packs: readonly JurisdictionPack[],
  overrides: Record<string, number>,
): EffectiveParameters | string {
  const known = new Set(packs.flatMap((pack) => pack.parameters.map((p) => p.name)));
  const applicable = Object.fromEntries(Object.entries(overrides).filter(([name]) => known.has(name)));
  try {
    return Object.freeze(resolveParameters(packs, applicable));
  } catch (error) {
    if (error instanceof ParameterLoosenedError || error instanceof InvalidParameterError) {
      return `The portfolio's rule parameters cannot be applied (${error.message}); an admin must correct them.`;
    }
    throw error;
  }
}

/**
 * How far back the history must reach: the longest day window of any rule (7-in-7, Massachusetts' 30 days,
 * a portfolio may lengthen them) plus two days of slack for time zones, and never under 31 days. A window over the
 * contact history is a parameter named `days` or `…Days`; a day count that is not one (how long a reassigned-numbers
 * check stays valid, how long after a creditor's notice an address may be used) is named otherwise (`validFor`,
 * `noticeWait`), so that it does not lengthen every case's history read.
 */
export function historyDays(parameters: EffectiveParameters): number {
  const known = daysOf.get(parameters);
  if (known !== undefined) return known;
  const days = longestWindow(parameters);
  daysOf.set(parameters, days);
  return days;
}

const daysOf = new WeakMap<EffectiveParameters, number>();

function longestWindow(parameters: EffectiveParameters): number {
  let longest = 0;
  for (const [name, value] of Object.entries(parameters)) {
    if (/(\.days|Days)$/.test(name) && value > longest) longest = value;
  }
  return Math.max(31, longest + 2);
}
