import type { SessionUser } from '@arrears/shared/schemas/auth';
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
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
import { caseScope } from '../cases/case-scope.ts';

/**
 * The case screen's rows in two round trips: the case with its debtor, portfolio, creditor and agent (scope
 * checked in the same statement), then one pipelined batch of the debtor's points, opt-outs and third parties,
 * the case's open dispute, open promises, active plans and counts. Every query walks a case or debtor index.
 */
export async function loadCaseView(db: Executor, user: SessionUser, caseId: string) {
  const [head] = await db
    .select({
      caseRow: cases,
      debtor: debtors,
      portfolioName: portfolios.name,
      creditorName: creditors.name,
      agentName: users.name,
    })
    .from(cases)
    .innerJoin(debtors, eq(debtors.id, cases.debtorId))
    .innerJoin(portfolios, eq(portfolios.id, cases.portfolioId))
    .innerJoin(creditors, eq(creditors.id, portfolios.creditorId))
    .leftJoin(users, eq(users.id, cases.assignedAgentId))
    .where(and(eq(cases.id, caseId), caseScope(user)))
    .limit(1);
  if (!head) throw caseNotFound();
  const debtorId = head.debtor.id;
  const [points, optOutRows, people, openDisputes, openPromises, activePlans, [counts]] = await Promise.all([
    db
      .select()
      .from(contactPoints)
      .where(eq(contactPoints.debtorId, debtorId))
      .orderBy(asc(contactPoints.createdAt)),
    db.select().from(optOuts).where(eq(optOuts.debtorId, debtorId)),
    db
      .select()
      .from(thirdParties)
      .where(eq(thirdParties.debtorId, debtorId))
      .orderBy(asc(thirdParties.createdAt)),
    db
      .select()
      .from(disputes)
      .where(and(eq(disputes.caseId, caseId), isNull(disputes.verificationSentAt)))
      .orderBy(desc(disputes.receivedAt)),
    db
      .select()
      .from(promises)
      .where(and(eq(promises.caseId, caseId), eq(promises.status, 'pending')))
      .orderBy(asc(promises.dueDate)),
    db
      .select()
      .from(paymentPlans)
      .where(and(eq(paymentPlans.caseId, caseId), eq(paymentPlans.status, 'active'))),
    caseCounts(db, caseId),
  ]);
  return { ...head, points, optOutRows, people, openDisputes, openPromises, activePlans, counts: counts! };
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

/** The tab badges of the case screen, in one statement. */
function caseCounts(db: Executor, caseId: string) {
  const n = (table: unknown, extra = sql``) =>
    sql`(select count(*)::int from ${table} where case_id = ${caseId} ${extra})`;
  return queryRows<CountRow>(
    db,
    sql`select ${n(contactLog)} as contacts,
               ${n(complianceDecisions, sql`and ${complianceDecisions.outcome} = 'blocked'`)} as blocked_attempts,
               ${n(payments)} as payments,
               ${n(promises)} as promises,
               ${n(caseNotes)} as notes,
               ${n(complaints, sql`and ${complaints.status} <> 'resolved'`)} as open_complaints,
               ${n(callbacks, sql`and ${callbacks.doneAt} is null`)} as pending_callbacks`,
  );
}
