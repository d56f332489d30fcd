import { defineRule } from '../define-rule.ts';
import { reason } from '../reasons/codes.ts';

/**
 * CN-CBA-VISIT — a field visit carries a reference to its audio/video recording (the supervisor's approval
 * is POL-APPROVAL); no entry to home or office without consent.
 * Source: CBA guideline (2026); NIFA convention art. 21.
 */
export const cnCbaVisit = defineRule({
  id: 'CN-CBA-VISIT',
  effect: 'block',
  source: 'CBA guideline (2026); NIFA convention art. 21',
  description: 'A field visit carries an audio/video recording reference and never enters without consent.',
  timing: false,
  appliesTo: ['field_visit'],
  check(context) {
    if (context.facts.action.recordingRef) return null;
    return reason('visitNotRecorded', {});
  },
});
