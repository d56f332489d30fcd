import type { SessionUser } from '@arrears/shared/schemas/auth';
import type {
  AuditListInput,
  AuditListOutput,
  AuditRow,
  ReviewView,
} from '@arrears/shared/schemas/oversight';
import { type Executor, queryRows } from '../../db/client.ts';
import { auditPage } from './audit.statements.ts';
import { localMidnight } from './debtor-zone.ts';

interface ListRow {
  id: string | number;
  at: string;
  case_id: string;
  account_ref: string;
  agent_id: string | null;
  agent_name: string | null;
  action_kind: AuditRow['actionKind'];
  outcome: string;
  direction: AuditRow['direction'];
  rule_ids: string[] | null;
  decision_id: string | number | null;
  review_id: string | number | null;
  reviewer_id: string | null;
  reviewer_name: string | null;
  review_note: string | null;
  review_at: string | null;
}

export function reviewOf(row: {
  review_id: string | number | null;
  reviewer_id: string | null;
  reviewer_name: string | null;
  review_note: string | null;
  review_at: string | null;
}): ReviewView | null {
  if (row.review_id === null) return null;
  return {
    id: Number(row.review_id),
    reviewerId: row.reviewer_id!,
    reviewerName: row.reviewer_name ?? '',
    note: row.review_note ?? '',
    at: row.review_at!,
  };
}

/**
 * One page of the audit: compliance decisions or contact-log rows in the viewer's scope (by the case's team),
 * newest first, keyset-paged by (instant, id). Dates are local dates of the viewer's zone, `to` inclusive.
 */
export async function auditList(
  db: Executor,
  user: SessionUser,
  input: AuditListInput,
): Promise<AuditListOutput> {
  const from = localMidnight(input.from, user.timeZone);
  const to = localMidnight(input.to, user.timeZone, 1);
  const rows = await queryRows<ListRow>(db, auditPage(user, input, from, to));
  const more = rows.length > input.limit;
  const page = more ? rows.slice(0, input.limit) : rows;
  const last = page.at(-1);
  return {
    rows: page.map((row) => ({
      kind: input.kind,
      id: Number(row.id),
      at: row.at,
      caseId: row.case_id,
      accountRef: row.account_ref,
      agentId: row.agent_id,
      agentName: row.agent_name,
      actionKind: row.action_kind,
      outcome: row.outcome,
      direction: row.direction,
      ruleIds: row.rule_ids ?? [],
      decisionId: row.decision_id === null ? null : Number(row.decision_id),
      review: reviewOf(row),
    })),
    nextCursor: more && last ? `${last.at}|${last.id}` : null,
  };
}
