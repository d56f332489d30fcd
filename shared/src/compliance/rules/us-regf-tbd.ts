import { inEffect } from '../context.ts';
import { formatInstant } from '../instant.ts';
import type { Rule } from './rule.ts';

/**
 * US-REGF-TBD — once the statute of limitations has run, no suit may be filed (or threatened).
 * Source: Regulation F 12 CFR 1006.26.
 */
export const usRegfTbd: Rule = {
  id: 'US-REGF-TBD',
  effect: 'block',
  source: '12 CFR 1006.26',
  timing: false,
  appliesTo: ['legal_filing'],
  check(context, { at }) {
    // Limitation periods end on a date; it is recorded as that date's UTC midnight, so show the UTC date.
    const expired = context.limitationsExpired;
    if (expired === null || !inEffect(context, expired, at)) return null;
    return `The statute of limitations on this debt ran out on ${formatInstant(expired.from).slice(0, 10)}; no suit may be filed or threatened.`;
  },
};
