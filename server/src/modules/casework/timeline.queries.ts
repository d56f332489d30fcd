import type { SessionUser } from '@arrears/shared/schemas/auth';
import { type Placeholder, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { cases } from '../../db/schema/index.ts';
import { statement } from '../../db/statement.ts';
import { caseScopeTemplate } from '../case-core/case-core.service.ts';

/** Where a page of the timeline starts: strictly after this (at, type, sortId), newest first. */
export interface TimelineCursor {
  /** Microsecond-precision ISO text: a millisecond Date would repeat or skip rows recorded within one ms. */
  at: string;
  type: string;
  sortId: string;
}

export interface TimelineRow {
  at: string;
  type: string;
  sort_id: string;
  id: string;
  actor_name: string | null;
  detail: Record<string, unknown>;
}

/** Audit actions of casework that the timeline shows as flag events (the rest have rows of their own). */
export const FLAG_ACTIONS = {
  'casework.cease': 'cease',
  'casework.attorney': 'attorney',
  'casework.bankruptcy': 'bankruptcy',
  'casework.death': 'death',
  'casework.optOut': 'opt_out',
  'casework.revokeConsent': 'consent_revoked',
  'casework.hold': 'hold',
  'casework.verificationSent': 'verification_sent',
} as const;

interface Branch {
  type: string;
  at: SQL;
  /** Sorts like the id: bigint ids are zero-padded so text order is numeric order. */
  sortId: SQL;
  id: SQL;
  from: SQL;
  where: SQL;
  detail: SQL;
}

const padded = (column: string) => sql.raw(`lpad(${column}::text, 20, '0')`);
const text = (column: string) => sql.raw(`${column}::text`);

/** Where a branch over rows kept per case (`alias.case_id`) finds them, and who made each (joined as `u`). */
interface CaseRows {
  /** The row's instant column. */
  at: string;
  /** The column naming the user who made the row. */
  by: string;
  /** Bigint ids sort zero-padded; uuid ids as they are. */
  bigintId?: boolean;
  /** Further joins the detail reads. */
  joins?: string;
  /** A further condition on the rows. */
  also?: string;
}

function branches(caseId: Placeholder, debtorId: SQL): Branch[] {
  const flagActions = Object.keys(FLAG_ACTIONS);
  const caseRows = (type: string, table: string, alias: string, rows: CaseRows): Omit<Branch, 'detail'> => ({
    type,
    at: sql.raw(`${alias}.${rows.at}`),
    sortId: rows.bigintId ? padded(`${alias}.id`) : text(`${alias}.id`),
    id: text(`${alias}.id`),
    from: sql.raw(
      `${table} ${alias} left join users u on u.id = ${alias}.${rows.by}${rows.joins ? ` ${rows.joins}` : ''}`,
    ),
    where: sql`${sql.raw(`${alias}.case_id`)} = ${caseId}${rows.also ? sql.raw(` and ${rows.also}`) : sql``}`,
  });
  return [
    {
      ...caseRows('contact', 'contact_log', 'c', {
        at: 'occurred_at',
        by: 'agent_id',
        bigintId: true,
        joins: `left join contact_points cp on cp.id = c.contact_point_id
          left join third_parties tp on tp.id = c.third_party_id`,
      }),
      detail: sql`jsonb_build_object('kind', c.kind, 'direction', c.direction, 'outcome', c.outcome,
        'purpose', c.purpose, 'durationSeconds', c.duration_seconds, 'pointKind', cp.kind, 'pointValue', cp.value,
        'pointLabel', cp.label, 'thirdPartyName', tp.name, 'notes', c.notes, 'body', c.body)`,
    },
    {
      ...caseRows('decision', 'compliance_decisions', 'd', {
        at: 'evaluated_at',
        by: 'actor_id',
        bigintId: true,
      }),
      detail: sql`jsonb_build_object('outcome', d.outcome, 'actionKind', d.action_kind, 'ruleIds', to_jsonb(d.rule_ids),
        'violations', d.violations, 'warnings', d.warnings, 'overrideReason', d.override_reason)`,
    },
    {
      ...caseRows('promise', 'promises', 'p', { at: 'created_at', by: 'created_by' }),
      detail: sql`jsonb_build_object('amountMinor', p.amount_minor, 'currency', p.currency,
        'dueDate', p.due_date::text, 'status', p.status)`,
    },
    {
      ...caseRows('payment_plan', 'payment_plans', 'pp', { at: 'created_at', by: 'created_by' }),
      detail: sql`jsonb_build_object('totalMinor', pp.total_minor, 'currency', pp.currency,
        'installmentCount', pp.installment_count, 'status', pp.status)`,
    },
    {
      ...caseRows('payment', 'payments', 'py', { at: 'received_at', by: 'recorded_by', bigintId: true }),
      detail: sql`jsonb_build_object('amountMinor', py.amount_minor, 'currency', py.currency, 'method', py.method,
        'feesMinor', py.allocated_fees_minor, 'interestMinor', py.allocated_interest_minor,
        'principalMinor', py.allocated_principal_minor, 'reversesId', py.reverses_id::text)`,
    },
    {
      ...caseRows('dispute', 'disputes', 'ds', { at: 'received_at', by: 'recorded_by' }),
      detail: sql`jsonb_build_object('reason', ds.reason, 'verificationSentAt', ds.verification_sent_at)`,
    },
    {
      ...caseRows('complaint', 'complaints', 'cm', {
        at: 'received_at',
        by: 'recorded_by',
        joins: 'left join users ag on ag.id = cm.agent_id',
      }),
      detail: sql`jsonb_build_object('channel', cm.channel, 'description', cm.description, 'status', cm.status,
        'resolveBy', cm.resolve_by, 'agentName', ag.name)`,
    },
    {
      ...caseRows('note', 'case_notes', 'n', { at: 'created_at', by: 'author_id' }),
      detail: sql`jsonb_build_object('body', n.body)`,
    },
    {
      // Callbacks keep no author; the audit event of their scheduling names who did it.
      type: 'callback',
      at: sql`cb.created_at`,
      sortId: text('cb.id'),
      id: text('cb.id'),
      from: sql`callbacks cb left join audit_events ae on ae.entity_type = 'callback' and ae.entity_id = cb.id::text
        left join users u on u.id = ae.actor_id`,
      where: sql`cb.case_id = ${caseId}`,
      detail: sql`jsonb_build_object('dueAt', cb.due_at, 'note', cb.note, 'doneAt', cb.done_at)`,
    },
    {
      ...caseRows('escalation_request', 'escalation_requests', 'er', {
        at: 'created_at',
        by: 'requested_by',
      }),
      detail: sql`jsonb_build_object('kind', er.kind, 'reason', er.request_reason)`,
    },
    {
      ...caseRows('escalation_decision', 'escalation_requests', 'ed', {
        at: 'decided_at',
        by: 'decided_by',
        also: 'ed.decided_at is not null',
      }),
      detail: sql`jsonb_build_object('kind', ed.kind, 'status', ed.status, 'reason', ed.decision_reason)`,
    },
    {
      // Facts about the debtor show on every case of theirs; the request's clock is in `after.at`.
      type: 'flag',
      at: sql`coalesce(case when a.action like 'casework.%' then (a.after->>'at')::timestamptz end, a.created_at)`,
      sortId: padded('a.id'),
      id: text('a.id'),
      from: sql`audit_events a left join users u on u.id = a.actor_id`,
      where: sql`((a.entity_type = 'debtor' and a.entity_id = ${debtorId}) or
        (a.case_id = ${caseId} and a.entity_type in ('case', 'dispute')))
        and a.action in (${sql.join(
          flagActions.map((action) => sql`${action}`),
          sql`, `,
        )})`,
      detail: sql`coalesce(a.after, '{}'::jsonb) || jsonb_build_object('action', a.action)`,
    },
  ];
}

type PageValues = Record<string, string | number>;

/** The page statement per shape (the viewer's scope and whether a cursor is given), each built once. */
const pageStatements = new Map<string, ReturnType<typeof pageStatement>>();

function pageStatement(scope: SQL, withCursor: boolean) {
  return statement<PageValues, TimelineRow & { at: string | null }>(() => {
    const limit = sql`${sql.placeholder('limit')}::int`;
    const parts = branches(sql.placeholder('caseId'), sql`(select debtor_key from scoped)`).map((b) => {
      const after = withCursor
        ? sql`and (${b.at}, ${b.type}::text, ${b.sortId}) < (${sql.placeholder('cursorAt')}::timestamptz,
            ${sql.placeholder('cursorType')}::text, ${sql.placeholder('cursorSortId')}::text)`
        : sql``;
      return sql`(select ${b.at} as at, ${b.type}::text as type, ${b.sortId} as sort_id, ${b.id} as id,
        u.name as actor_name, ${b.detail} as detail
        from ${b.from} where ${b.where} ${after} order by 1 desc, 3 desc limit ${limit})`;
    });
    return sql`with scoped as (
          select ${cases.debtorId}::text as debtor_key from ${cases}
          where ${cases.id} = ${sql.placeholder('caseId')}::uuid and ${scope})
        select to_char(t.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at, t.type, t.sort_id, t.id,
          t.actor_name, t.detail
        from scoped left join lateral (
          select * from (${sql.join(parts, sql` union all `)}) u
          order by u.at desc, u.type desc, u.sort_id desc
          limit ${limit}) t on true
        order by t.at desc, t.type desc, t.sort_id desc`;
  });
}

/**
 * One page of the case's history, newest first, merged from every table that holds some of it: each branch
 * walks its case index for at most `limit` rows after the cursor, and the union is ordered and cut once more. The
 * case is checked against the viewer's scope in the same statement: `found` is false when the viewer may not see it
 * (or it does not exist), and the page is then empty. The statement text is built once per shape (db/statement.ts):
 * twelve branches made it the largest template of the case screen to turn into text.
 */
export async function timelinePage(
  db: Executor,
  options: { caseId: string; user: SessionUser; cursor: TimelineCursor | null; limit: number },
): Promise<{ found: boolean; rows: TimelineRow[] }> {
  const { cursor } = options;
  const scope = caseScopeTemplate(options.user);
  const key = `${scope.key}|${cursor === null ? 'first' : 'after'}`;
  let page = pageStatements.get(key);
  if (page === undefined) {
    page = pageStatement(scope.condition, cursor !== null);
    pageStatements.set(key, page);
  }
  const values: PageValues = { ...scope.values, caseId: options.caseId, limit: options.limit };
  if (cursor !== null) {
    values.cursorAt = cursor.at;
    values.cursorType = cursor.type;
    values.cursorSortId = cursor.sortId;
  }
  const found = await page(db, values);
  return { found: found.length > 0, rows: found.filter((row) => row.at !== null) };
}
