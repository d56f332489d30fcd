import { and, asc, eq, gte, inArray, or } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  cases,
  contactLog,
  contactPoints,
  debtors,
  disputes,
  escalationRequests,
  fieldVisits,
  optOuts,
  portfolios,
} from '../../db/schema/index.ts';
import type { ContactLogRow } from './facts.mapping.ts';
import { liveApproval } from './live-approvals.ts';

/**
 * The rows the compliance facts are made of, for many cases at once; the same tables and conditions as
 * compliance/facts.queries.ts. Rows of the cases' debtors are found through a subquery on the case ids, so every
 * query but the history can be sent at once.
 */
const debtorsOfCases = (db: Executor, caseIds: string[]) =>
  db.select({ id: cases.debtorId }).from(cases).where(inArray(cases.id, caseIds));

export function heads(db: Executor, caseIds: string[]) {
  return db
    .select({
      caseRow: cases,
      debtor: debtors,
      portfolio: {
        id: portfolios.id,
        ruleParameters: portfolios.ruleParameters,
        version: portfolios.ruleParametersVersion,
      },
    })
    .from(cases)
    .innerJoin(debtors, eq(debtors.id, cases.debtorId))
    .innerJoin(portfolios, eq(portfolios.id, cases.portfolioId))
    .where(inArray(cases.id, caseIds));
}

/** In creation order, so the calendar zone (the first candidate zone) is stable. */
export function pointsOf(db: Executor, caseIds: string[]) {
  return db
    .select()
    .from(contactPoints)
    .where(inArray(contactPoints.debtorId, debtorsOfCases(db, caseIds)))
    .orderBy(asc(contactPoints.createdAt), asc(contactPoints.id));
}

export function optOutsOf(db: Executor, caseIds: string[]) {
  return db
    .select()
    .from(optOuts)
    .where(inArray(optOuts.debtorId, debtorsOfCases(db, caseIds)));
}

export function disputesOf(db: Executor, caseIds: string[]) {
  return db.select().from(disputes).where(inArray(disputes.caseId, caseIds));
}

/** The approvals still usable at `at` (liveApproval), oldest decision first: the one an action uses up first. */
export function approvalsOf(db: Executor, caseIds: string[], at: Date) {
  return db
    .select({
      caseId: escalationRequests.caseId,
      id: escalationRequests.id,
      kind: escalationRequests.kind,
      decidedBy: escalationRequests.decidedBy,
    })
    .from(escalationRequests)
    .where(and(inArray(escalationRequests.caseId, caseIds), liveApproval(at)))
    .orderBy(asc(escalationRequests.decidedAt), asc(escalationRequests.id));
}

export type HistoryRow = ContactLogRow & { debtorId: string; scheduled: boolean };

/** The debtors' contact log since `since`, plus every third-party contact ever (US-REGF-LOC is "once"). */
export async function loggedHistoryOf(
  db: Executor,
  debtorIds: string[] | ReturnType<typeof debtorsOfCases>,
  since: Date,
): Promise<HistoryRow[]> {
  const rows = await db
    .select({
      debtorId: contactLog.debtorId,
      occurredAt: contactLog.occurredAt,
      kind: contactLog.kind,
      direction: contactLog.direction,
      contactPointId: contactLog.contactPointId,
      caseIds: contactLog.caseIds,
      outcome: contactLog.outcome,
      thirdPartyId: contactLog.thirdPartyId,
    })
    .from(contactLog)
    .where(
      and(
        inArray(contactLog.debtorId, debtorIds),
        or(gte(contactLog.occurredAt, since), eq(contactLog.kind, 'third_party_contact')),
      ),
    );
  return rows.map((row) => ({ ...row, scheduled: false }));
}

/** loggedHistoryOf for the debtors of these cases, found by subquery so it can be sent with the other reads. */
export async function loggedHistoryOfCases(
  db: Executor,
  caseIds: string[],
  since: Date,
): Promise<HistoryRow[]> {
  return loggedHistoryOf(db, debtorsOfCases(db, caseIds), since);
}

/** Visits on the calendar count against the visit caps before they happen. */
export async function scheduledVisitsOf(db: Executor, caseIds: string[]): Promise<HistoryRow[]> {
  const rows = await db
    .select({
      debtorId: cases.debtorId,
      caseId: fieldVisits.caseId,
      at: fieldVisits.scheduledFor,
      addressId: fieldVisits.addressId,
    })
    .from(fieldVisits)
    .innerJoin(cases, eq(cases.id, fieldVisits.caseId))
    .where(and(inArray(cases.debtorId, debtorsOfCases(db, caseIds)), eq(fieldVisits.status, 'scheduled')));
  return rows.map((row) => ({
    debtorId: row.debtorId,
    occurredAt: row.at,
    kind: 'field_visit' as const,
    direction: 'outbound' as const,
    contactPointId: row.addressId,
    caseIds: [row.caseId],
    outcome: null,
    thirdPartyId: null,
    scheduled: true,
  }));
}
