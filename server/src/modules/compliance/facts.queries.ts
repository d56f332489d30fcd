import type { ComplianceFacts } from '@arrears/shared/compliance/facts';
import type { EffectiveParameters } from '@arrears/shared/compliance/packs';
import type { EscalationKind } from '@arrears/shared/domain/enums';
import { and, asc, eq, gte, or, type SQL, sql } from 'drizzle-orm';
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
import {
  type CaseRow,
  type ContactLogRow,
  type ContactPointRow,
  contactPointFacts,
  type DebtorRow,
  debtFacts,
  debtorFacts,
  historyEvent,
} from './facts.mapping.ts';
import { historyDays, parametersFor } from './parameters.ts';

const DAY_MS = 86_400_000;

export interface Approval {
  kind: EscalationKind;
  decidedBy: string | null;
}

/** One case with everything the engine needs about it, except the proposed action and its instant. */
export interface CaseFacts {
  caseRow: CaseRow;
  debtor: DebtorRow;
  portfolio: { id: string; ruleParametersVersion: number };
  contactPoints: ContactPointRow[];
  approvals: Approval[];
  parameters: EffectiveParameters;
  base: Omit<ComplianceFacts, 'action' | 'now'>;
}

/**
 * History read with the other facts before the portfolio's windows are known: every pack's default windows fit in
 * it (historyDays is 31, or 32 with Massachusetts' 30 days); a portfolio that lengthened a window beyond it costs a
 * second round trip. Rows before the case's own window are dropped, so the facts are the same either way.
 */
const EARLY_HISTORY_DAYS = 32;

/**
 * Gathers the facts of one case in one round trip (the queries are sent together, the debtor's rows found through
 * the case): the case with its debtor and portfolio, contact points, opt-outs, disputes, approvals and history.
 * History is the debtor's contact log (every debt: frequency is per person and decision 5 needs conversations about
 * other debts) inside the longest rule window before `at`, every third-party contact ever (US-REGF-LOC is "once,
 * ever"), and visits still on the calendar (a completed visit is in the contact log). Null when the case does not
 * exist.
 */
export async function loadCaseFacts(db: Executor, caseId: string, at: Date): Promise<CaseFacts | null> {
  const debtorId = db.select({ id: cases.debtorId }).from(cases).where(eq(cases.id, caseId));
  const early = new Date(at.getTime() - EARLY_HISTORY_DAYS * DAY_MS);
  const [heads, points, optOutRows, disputeRows, approvals, earlyLogged, scheduled] = await Promise.all([
    db
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
      .where(eq(cases.id, caseId))
      .limit(1),
    db
      .select()
      .from(contactPoints)
      .where(eq(contactPoints.debtorId, sql`(${debtorId})`))
      .orderBy(asc(contactPoints.createdAt), asc(contactPoints.id)),
    db
      .select()
      .from(optOuts)
      .where(eq(optOuts.debtorId, sql`(${debtorId})`)),
    db.select().from(disputes).where(eq(disputes.caseId, caseId)),
    db
      .select({ kind: escalationRequests.kind, decidedBy: escalationRequests.decidedBy })
      .from(escalationRequests)
      .where(and(eq(escalationRequests.caseId, caseId), eq(escalationRequests.status, 'approved'))),
    loggedHistory(db, sql`(${debtorId})`, early),
    scheduledVisits(db, sql`(${debtorId})`),
  ]);
  const head = heads[0];
  if (!head) return null;
  const { caseRow, debtor } = head;
  const jurisdiction = { country: debtor.jurisdictionCountry, region: debtor.jurisdictionRegion };
  const parameters = parametersFor(jurisdiction, head.portfolio.ruleParameters);
  const since = new Date(at.getTime() - historyDays(parameters) * DAY_MS);
  const logged =
    since >= early
      ? earlyLogged.filter((row) => row.occurredAt >= since || row.kind === 'third_party_contact')
      : await loggedHistory(db, debtor.id, since);
  return {
    caseRow,
    debtor,
    portfolio: { id: head.portfolio.id, ruleParametersVersion: head.portfolio.version },
    contactPoints: points,
    approvals,
    parameters,
    base: {
      debtor: debtorFacts(debtor, points, optOutRows),
      debt: debtFacts(
        caseRow,
        disputeRows,
        approvals.map((a) => a.kind),
      ),
      contactPoints: points.map(contactPointFacts),
      history: [...logged, ...scheduled].map(historyEvent),
    },
  };
}

/** Walks contact_log_debtor_time_idx: the debtor's rows since `since`, plus older third-party contacts. */
function loggedHistory(db: Executor, debtorId: string | SQL, since: Date): Promise<ContactLogRow[]> {
  return db
    .select({
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
        eq(contactLog.debtorId, debtorId),
        or(gte(contactLog.occurredAt, since), eq(contactLog.kind, 'third_party_contact')),
      ),
    );
}

/** Visits on the calendar count against the visit caps before they happen. */
async function scheduledVisits(db: Executor, debtorId: string | SQL): Promise<ContactLogRow[]> {
  const rows = await db
    .select({ caseId: fieldVisits.caseId, at: fieldVisits.scheduledFor, addressId: fieldVisits.addressId })
    .from(fieldVisits)
    .innerJoin(cases, eq(cases.id, fieldVisits.caseId))
    .where(and(eq(cases.debtorId, debtorId), eq(fieldVisits.status, 'scheduled')));
  return rows.map((row) => ({
    occurredAt: row.at,
    kind: 'field_visit',
    direction: 'outbound',
    contactPointId: row.addressId,
    caseIds: [row.caseId],
    outcome: null,
    thirdPartyId: null,
  }));
}
