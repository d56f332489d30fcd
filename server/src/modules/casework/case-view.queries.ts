import type { SessionUser } from '@arrears/shared/schemas/auth';
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client.ts';
import {
  callbacks,
  caseNotes,
  cases,
  complaints,
  complianceDecisions,
  contactLog,
  contactPoints,
  creditors,
  debtors,
  disputes,
  optOuts,
  paymentPlans,
  payments,
  portfolios,
  promises,
  thirdParties,
  users,
} from '../../db/schema/index.ts';
import { caseNotFound } from '../../errors.ts';
import { caseScope, rowFromJson } from '../case-core/case-core.service.ts';

interface ViewRow {
  case_row: Record<string, unknown>;
  debtor: Record<string, unknown>;
  portfolio_name: string;
  creditor_name: string;
  agent_name: string | null;
  points: Record<string, unknown>[];
  opt_outs: Record<string, unknown>[];
  people: Record<string, unknown>[];
  open_disputes: Record<string, unknown>[];
  open_promises: Record<string, unknown>[];
  active_plans: Record<string, unknown>[];
  counts: CountRow;
}

interface CountRow {
  contacts: number;
  blocked_attempts: number;
  payments: number;
  promises: number;
  notes: number;
  open_complaints: number;
  pending_callbacks: number;
}

/** `coalesce(jsonb_agg(...), '[]')` of one table's rows matching `where`, in `order`. */
function rowsOf(table: unknown, where: SQL, order: SQL | null = null): SQL {
  const ordered = order === null ? sql`` : sql` order by ${order}`;
  return sql`coalesce((select jsonb_agg(to_jsonb(x)${ordered}) from ${table} x where ${where}), '[]'::jsonb)`;
}

/**
 * The case screen's rows in one statement, scope checked in it: the case with its debtor, portfolio, creditor and
 * agent; the debtor's points (creation order), opt-outs and third parties; the case's open disputes (latest first),
 * open promises (by date), active plans and the tab counts. Every subquery walks a case or debtor index. Rows come
 * back as `to_jsonb` and are mapped by their columns (rowFromJson), as the query builder would.
 */
export async function loadCaseView(db: Executor, user: SessionUser, caseId: string) {
  const n = (table: unknown, extra = sql``) =>
    sql`(select count(*)::int from ${table} where case_id = cases.id ${extra})`;
  const [row] = await queryRows<ViewRow>(
    db,
    sql`select to_jsonb(cases) as case_row, to_jsonb(d) as debtor, p.name as portfolio_name, cr.name as creditor_name,
        u.name as agent_name,
        ${rowsOf(contactPoints, sql`x.debtor_id = d.id`, sql`x.created_at, x.id`)} as points,
        ${rowsOf(optOuts, sql`x.debtor_id = d.id`)} as opt_outs,
        ${rowsOf(thirdParties, sql`x.debtor_id = d.id`, sql`x.created_at, x.id`)} as people,
        ${rowsOf(disputes, sql`x.case_id = cases.id and x.verification_sent_at is null`, sql`x.received_at desc, x.id`)}
          as open_disputes,
        ${rowsOf(promises, sql`x.case_id = cases.id and x.status = 'pending'`, sql`x.due_date, x.id`)} as open_promises,
        ${rowsOf(paymentPlans, sql`x.case_id = cases.id and x.status = 'active'`, sql`x.created_at, x.id`)} as active_plans,
        jsonb_build_object(
          'contacts', ${n(contactLog)},
          'blocked_attempts', ${n(complianceDecisions, sql`and outcome = 'blocked'`)},
          'payments', ${n(payments)},
          'promises', ${n(promises)},
          'notes', ${n(caseNotes)},
          'open_complaints', ${n(complaints, sql`and status <> 'resolved'`)},
          'pending_callbacks', ${n(callbacks, sql`and done_at is null`)}) as counts
      from ${cases}
      join ${debtors} d on d.id = cases.debtor_id
      join ${portfolios} p on p.id = cases.portfolio_id
      join ${creditors} cr on cr.id = p.creditor_id
      left join ${users} u on u.id = cases.assigned_agent_id
      where cases.id = ${caseId} and ${caseScope(user)}`,
  );
  if (!row) throw caseNotFound();
  return {
    caseRow: rowFromJson(cases, row.case_row),
    debtor: rowFromJson(debtors, row.debtor),
    portfolioName: row.portfolio_name,
    creditorName: row.creditor_name,
    agentName: row.agent_name,
    points: row.points.map((json) => rowFromJson(contactPoints, json)),
    optOutRows: row.opt_outs.map((json) => rowFromJson(optOuts, json)),
    people: row.people.map((json) => rowFromJson(thirdParties, json)),
    openDisputes: row.open_disputes.map((json) => rowFromJson(disputes, json)),
    openPromises: row.open_promises.map((json) => rowFromJson(promises, json)),
    activePlans: row.active_plans.map((json) => rowFromJson(paymentPlans, json)),
    counts: row.counts,
  };
}
