import { AGENCY_POLICY, defineRule } from '../define-rule.ts';
import { reason } from '../reasons/codes.ts';

/** POL-APPROVAL — field visits, legal filings and agency placements need a supervisor's approval. Agency policy. */
export const polApproval = defineRule({
  id: 'POL-APPROVAL',
  effect: 'block',
  source: AGENCY_POLICY,
  description: {
    en: 'Field visits, legal filings and agency placements need a supervisor’s approval on the case.',
    zh: '上门拜访、提起诉讼和委外催收须经主管审批并在案件中留存记录。',
  },
  timing: false,
  appliesTo: ['field_visit', 'legal_filing', 'agency_placement'],
  check(context) {
    const { action, debt } = context.facts;
    if (debt.approvals?.includes(action.kind)) return null;
    return reason('approvalNeeded', { kind: action.kind });
  },
});
