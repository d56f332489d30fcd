import type { Rule } from './rule.ts';

/**
 * CN-CBA-VISIT — a field visit carries a reference to its audio/video recording (the supervisor's approval
 * is POL-APPROVAL); no entry to home or office without consent.
 * Source: CBA guideline (2026); NIFA convention art. 21.
 */
export const cnCbaVisit: Rule = {
  id: 'CN-CBA-VISIT',
  effect: 'block',
  source: 'CBA guideline (2026); NIFA convention art. 21',
  timing: false,
  appliesTo: ['field_visit'],
  check(context) {
    if (context.facts.action.recordingRef) return null;
    return 'A field visit must carry a reference to its audio/video recording.';
  },
};
