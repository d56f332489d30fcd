import type { SessionUser } from '@arrears/shared/schemas/auth';
import type { AuditListInput } from '@arrears/shared/schemas/oversight';
import { and, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { cases, complianceDecisions, contactLog, reviews, users } from '../../db/schema/index.ts';
import { caseScope } from '../cases/cases.service.ts';

/**
 * The audit's SQL (decision record 030): tables and columns named through the Drizzle schema, each table once per
 * FROM, so its columns render qualified by its own name. A page is cut in a subquery named after its table, whose
 * rows are that table's: the same column objects name them outside it. A table read again inside a subquery (the
 * reviewer among the users, a contact's decision) shadows the outer one there.
 */

/** Microsecond ISO text of an instant: a millisecond cursor would skip or repeat rows. */
export const isoMicros = (instant: SQLWrapper) =>
  sql`to_char(${instant} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** What a review is reviewing: a decision or a contact. */
export type ReviewedColumn = typeof reviews.decisionId | typeof reviews.contactId;

/** The reviews of one decision or contact with their reviewers' names, newest (current) first. */
export const reviewsStatement = (of: ReviewedColumn, id: SQLWrapper | number): SQL =>
  sql`select ${reviews.id} as id, ${reviews.reviewerId} as reviewer_id, ${users.name} as reviewer_name,
        ${reviews.note} as note, ${isoMicros(reviews.createdAt)} as at
      from ${reviews} join ${users} on ${users.id} = ${reviews.reviewerId}
      where ${of} = ${id} order by ${reviews.id} desc`;

/** The newest review of each row, as `rv`: a newer review supersedes the older (ids only grow). */
export const latestReview = (of: ReviewedColumn, id: SQLWrapper): SQL =>
  sql`left join lateral (${reviewsStatement(of, id)} limit 1) rv on true`;

export const reviewColumns = sql`rv.id as review_id, rv.reviewer_id, rv.reviewer_name, rv.note as review_note,
  rv.at as review_at`;

/**
 * One page of the audit (and one row more, to tell whether another page follows): compliance decisions or
 * contact-log rows in the viewer's scope, in [from, to), newest first, keyset-paged by (instant, id).
 */
export function auditPage(user: SessionUser, input: AuditListInput, from: SQL, to: SQL): SQL {
  const decisions = input.kind === 'decisions';
  const table = decisions ? complianceDecisions : contactLog;
  const t = decisions ? complianceDecisions.evaluatedAt : contactLog.occurredAt;
  const agent = decisions ? complianceDecisions.actorId : contactLog.agentId;
  const kind = decisions ? complianceDecisions.actionKind : contactLog.kind;
  const reviewed = decisions ? reviews.decisionId : reviews.contactId;
  const hasRule = (ruleId: string) => sql`${complianceDecisions.ruleIds} @> array[${ruleId}]::text[]`;
  const conditions: Array<SQL | undefined> = [
    caseScope(user),
    sql`${t} >= ${from}`,
    sql`${t} < ${to}`,
    input.agentId ? sql`${agent} = ${input.agentId}` : undefined,
    input.teamId ? sql`${cases.teamId} = ${input.teamId}` : undefined,
    input.portfolioId ? sql`${cases.portfolioId} = ${input.portfolioId}` : undefined,
    input.actionKind ? sql`${kind} = ${input.actionKind}` : undefined,
    input.by === undefined ? undefined : sql`${agent} is ${input.by === 'people' ? sql`not ` : sql``}null`,
    input.outcome ? sql`${table.outcome}::text = ${input.outcome}` : undefined,
    input.ruleId
      ? decisions
        ? hasRule(input.ruleId)
        : sql`exists (select 1 from ${complianceDecisions}
            where ${complianceDecisions.id} = ${contactLog.decisionId} and ${hasRule(input.ruleId)})`
      : undefined,
    input.review === undefined
      ? undefined
      : sql`${input.review === 'unreviewed' ? sql`not ` : sql``}exists (select 1 from ${reviews}
          where ${reviewed} = ${table.id})`,
  ];
  if (input.cursor) {
    const [at, id] = input.cursor.split('|') as [string, string];
    conditions.push(sql`(${t}, ${table.id}) < (${at}::timestamptz, ${Number(id)}::bigint)`);
  }
  const contactRules = sql`(select ${complianceDecisions.ruleIds} from ${complianceDecisions}
    where ${complianceDecisions.id} = ${contactLog.decisionId})`;
  return sql`select ${table.id} as id, ${isoMicros(t)} as at, ${table.caseId} as case_id,
        ${cases.accountRef} as account_ref, ${agent} as agent_id, ${users.name} as agent_name,
        ${kind} as action_kind, ${table.outcome}::text as outcome,
        ${decisions ? sql`null` : contactLog.direction} as direction,
        ${decisions ? complianceDecisions.ruleIds : contactRules} as rule_ids,
        ${decisions ? sql`null::bigint` : contactLog.decisionId} as decision_id,
        ${reviewColumns}
      from (select ${table}.* from ${table} join ${cases} on ${cases.id} = ${table.caseId}
            where ${and(...conditions)}
            order by ${t} desc, ${table.id} desc
            limit ${input.limit + 1}) ${table}
      join ${cases} on ${cases.id} = ${table.caseId}
      left join ${users} on ${users.id} = ${agent}
      ${latestReview(reviewed, table.id)}
      order by ${t} desc, ${table.id} desc`;
}
