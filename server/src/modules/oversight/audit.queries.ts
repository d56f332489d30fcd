import type { SessionUser } from '@arrears/shared/schemas/auth';
import type {
  AuditListInput,
  AuditListOutput,
  AuditRow,
  ReviewView,
} from '@arrears/shared/schemas/oversight';
import { and, type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client.ts';
import { caseScope } from '../cases/cases.service.ts';
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

/** Microsecond ISO text of an instant column: a millisecond cursor would skip or repeat rows. */
const isoMicros = (column: SQL) =>
  sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** The newest review of a decision or contact: a newer review supersedes the older (ids only grow). */
function latestReview(column: 'decision_id' | 'contact_id', id: SQL): SQL {
  return sql`left join lateral (
      select r.id, r.reviewer_id, ru.name as reviewer_name, r.note, r.created_at
      from reviews r join users ru on ru.id = r.reviewer_id
      where r.${sql.raw(column)} = ${id}
      order by r.id desc limit 1) rv on true`;
}

const reviewColumns = sql`rv.id as review_id, rv.reviewer_id, rv.reviewer_name, rv.note as review_note,
  ${isoMicros(sql`rv.created_at`)} as review_at`;

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
  const decisions = input.kind === 'decisions';
  const t = decisions ? sql`x.evaluated_at` : sql`x.occurred_at`;
  const agent = decisions ? sql`x.actor_id` : sql`x.agent_id`;
  const kind = decisions ? sql`x.action_kind` : sql`x.kind`;
  const reviewColumn = decisions ? 'decision_id' : 'contact_id';
  const conditions: Array<SQL | undefined> = [
    caseScope(user),
    sql`${t} >= ${from}`,
    sql`${t} < ${to}`,
    input.agentId ? sql`${agent} = ${input.agentId}` : undefined,
    input.teamId ? sql`cases.team_id = ${input.teamId}` : undefined,
    input.portfolioId ? sql`cases.portfolio_id = ${input.portfolioId}` : undefined,
    input.actionKind ? sql`${kind} = ${input.actionKind}` : undefined,
    input.by === undefined ? undefined : sql`${agent} is ${input.by === 'people' ? sql`not ` : sql``}null`,
    input.outcome ? sql`x.outcome::text = ${input.outcome}` : undefined,
    input.ruleId
      ? decisions
        ? sql`x.rule_ids @> array[${input.ruleId}]::text[]`
        : sql`exists (select 1 from compliance_decisions rd where rd.id = x.decision_id
            and rd.rule_ids @> array[${input.ruleId}]::text[])`
      : undefined,
    input.review === undefined
      ? undefined
      : sql`${input.review === 'unreviewed' ? sql`not ` : sql``}exists (select 1 from reviews rr
          where rr.${sql.raw(reviewColumn)} = x.id)`,
  ];
  if (input.cursor) {
    const [at, id] = input.cursor.split('|') as [string, string];
    conditions.push(sql`(${t}, x.id) < (${at}::timestamptz, ${Number(id)}::bigint)`);
  }
  const table = decisions ? sql`compliance_decisions` : sql`contact_log`;
  const rows = await queryRows<ListRow>(
    db,
    sql`select x.id, ${isoMicros(t)} as at, x.case_id, cases.account_ref, ${agent} as agent_id,
        au.name as agent_name, ${kind} as action_kind, x.outcome::text as outcome,
        ${decisions ? sql`null` : sql`x.direction`} as direction,
        ${decisions ? sql`x.rule_ids` : sql`(select rd.rule_ids from compliance_decisions rd where rd.id = x.decision_id)`} as rule_ids,
        ${decisions ? sql`null::bigint` : sql`x.decision_id`} as decision_id,
        ${reviewColumns}
      from (select x.* from ${table} x join cases on cases.id = x.case_id
            where ${and(...conditions)}
            order by ${t} desc, x.id desc
            limit ${input.limit + 1}) x
      join cases on cases.id = x.case_id
      left join users au on au.id = ${agent}
      ${latestReview(reviewColumn, sql`x.id`)}
      order by ${t} desc, x.id desc`,
  );
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

export { isoMicros, latestReview, reviewColumns };
