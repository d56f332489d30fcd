import { ACTION_LABELS, sentence, withArticle } from '../format.ts';
import type { Rule } from './rule.ts';

/** POL-APPROVAL — field visits, legal filings and agency placements need a supervisor's approval. Agency policy. */
export const polApproval: Rule = {
  id: 'POL-APPROVAL',
  effect: 'block',
  source: 'agency policy',
  timing: false,
  appliesTo: ['field_visit', 'legal_filing', 'agency_placement'],
  check(context) {
    const { action, debt } = context.facts;
    if (debt.approvals?.includes(action.kind)) return null;
    return `${sentence(withArticle(ACTION_LABELS[action.kind]))} needs a supervisor's approval recorded on the case.`;
  },
};
