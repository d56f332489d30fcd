import { citation, defineRule } from '../define-rule.ts';
import { formatInstant } from '../instant.ts';
import { reason } from '../reasons/codes.ts';
import { blockingFact } from './dated.ts';

/**
 * US-REGF-TBD — once the statute of limitations has run, no suit may be filed (or threatened).
 * Source: Regulation F 12 CFR 1006.26.
 */
export const usRegfTbd = defineRule({
  id: 'US-REGF-TBD',
  effect: 'block',
  source: citation('12 CFR 1006.26'),
  description: {
    en: 'Once the statute of limitations has run, no suit and no threat of suit.',
    zh: '诉讼时效届满后，不得提起诉讼，亦不得以提起诉讼相威胁。',
  },
  timing: false,
  appliesTo: ['legal_filing'],
  check(context, { at }) {
    // Limitation periods end on a date; it is recorded as that date's UTC midnight, so show the UTC date.
    const expired = blockingFact(context, at, context.limitationsExpired);
    return expired === null
      ? null
      : reason('limitationsExpired', { date: formatInstant(expired.from).slice(0, 10) });
  },
});
