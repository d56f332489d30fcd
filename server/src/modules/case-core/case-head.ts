import type { ReplyFacts } from '@arrears/shared/compliance/facts';
import { type Column, getTableColumns, sql, type Table } from 'drizzle-orm';
import {
  cases,
  contactPoints,
  debtors,
  disputes,
  inboundReplies,
  optOuts,
  portfolios,
} from '../../db/schema/index.ts';
import type { CaseHead } from './facts.assemble.ts';

/** A drizzle row from `to_jsonb(row)`: each column read from its database name and mapped as the driver's would be. */
export function rowFromJson<T extends Table>(table: T, json: Record<string, unknown>): T['$inferSelect'] {
  let columns = columnsOf.get(table);
  if (columns === undefined) {
    columns = Object.entries(getTableColumns(table));
    columnsOf.set(table, columns);
  }
  const row: Record<string, unknown> = {};
  for (const [key, column] of columns) {
    const value = json[column.name];
    row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row as T['$inferSelect'];
}

/** Each table's [property, column] pairs, listed once per process rather than once per row. */
const columnsOf = new WeakMap<Table, Array<[string, Column]>>();

/**
 * What every one-statement facts read of a case starts from, on the case `c`, its debtor `d` and portfolio `p`
 * (joined by `CASE_HEAD_JOINS`): the three rows, the debtor's contact points (creation order) and opt-outs, the
 * case's disputes, and the debtor's replies that were not classified on arrival with when a person classified each
 * (POL-REPLY-HOLD; few, so all of them), each list one JSON subselect. Mapped back by `caseHeadFromJson`.
 */
export const CASE_HEAD_COLUMNS = sql`to_jsonb(c) as case_row, to_jsonb(d) as debtor, p.id as portfolio_id,
  p.rule_parameters, p.rule_parameters_version,
  coalesce((select jsonb_agg(to_jsonb(x) order by x.created_at, x.id) from ${contactPoints} x
    where x.debtor_id = c.debtor_id), '[]'::jsonb) as points,
  coalesce((select jsonb_agg(to_jsonb(x)) from ${optOuts} x where x.debtor_id = c.debtor_id), '[]'::jsonb) as opt_outs,
  coalesce((select jsonb_agg(to_jsonb(x)) from ${disputes} x where x.case_id = c.id), '[]'::jsonb) as disputes,
  coalesce((select jsonb_agg(jsonb_build_object('contactPointId', r.contact_point_id, 'receivedAt', r.received_at,
      'classifiedAt', (select min(k.classified_at) from ${inboundReplies} k where k.classifies_id = r.id)))
    from ${inboundReplies} r where r.debtor_id = c.debtor_id and r.classifies_id is null
      and r.classification = 'unclassified'), '[]'::jsonb) as replies`;

/** The case `c` joined to its debtor `d` and portfolio `p`. */
export const CASE_HEAD_JOINS = sql`join ${debtors} d on d.id = c.debtor_id join ${portfolios} p on p.id = c.portfolio_id`;

export interface CaseHeadJson {
  case_row: Record<string, unknown>;
  debtor: Record<string, unknown>;
  portfolio_id: string;
  rule_parameters: Record<string, number>;
  rule_parameters_version: number;
  points: Record<string, unknown>[];
  opt_outs: Record<string, unknown>[];
  disputes: Record<string, unknown>[];
  replies: Array<{ contactPointId: string; receivedAt: string; classifiedAt: string | null }>;
}

/** The rows of `CASE_HEAD_COLUMNS`, mapped as the query builder would map them. */
export function caseHeadFromJson(row: CaseHeadJson) {
  const head: CaseHead = {
    caseRow: rowFromJson(cases, row.case_row),
    debtor: rowFromJson(debtors, row.debtor),
    portfolio: {
      id: row.portfolio_id,
      ruleParameters: row.rule_parameters,
      version: row.rule_parameters_version,
    },
  };
  return {
    head,
    points: row.points.map((json) => rowFromJson(contactPoints, json)),
    optOuts: row.opt_outs.map((json) => rowFromJson(optOuts, json)),
    disputes: row.disputes.map((json) => rowFromJson(disputes, json)),
    replies: row.replies.map(
      (reply): ReplyFacts => ({
        contactPointId: reply.contactPointId,
        receivedAt: new Date(reply.receivedAt).toISOString(),
        classifiedAt: reply.classifiedAt === null ? null : new Date(reply.classifiedAt).toISOString(),
      }),
    ),
  };
}
