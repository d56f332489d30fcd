import { defineRule } from '../define-rule.ts';
import { reason } from '../reasons/codes.ts';

/** POL-APPROVAL — field visits, legal filings and agency placements need a supervisor's approval. Agency policy. */
export const polApproval = defineRule({
  id: 'POL-APPROVAL',
  effect: 'block',
  source: 'agency policy',
  description: 'Field visits, legal filings and agency placements need a supervisor’s approval on the case.',
  timing: false,
  appliesTo: ['field_visit', 'legal_filing', 'agency_placement'],
  check(context) {
    const { action, debt } = context.facts;
    if (debt.approvals?.includes(action.kind)) return null;
    return reason('approvalNeeded', { kind: action.kind });
  },
});
