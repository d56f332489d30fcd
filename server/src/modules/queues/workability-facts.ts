import type { EffectiveParameters } from '@arrears/shared/compliance/packs';
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
import { AppError } from '../../errors.ts';
import {
  type CaseRow,
  type ContactLogRow,
  contactPointFacts,
  type DebtorRow,
  debtFacts,
  debtorFacts,
  historyEvent,
} from '../compliance/facts.mapping.ts';
import type { CaseFacts } from '../compliance/facts.queries.ts';
import { historyDays, parametersFor } from '../compliance/parameters.ts';

const DAY_MS = 86_400_000;

/** A case whose facts could be gathered, or one whose portfolio parameters cannot be applied (fail closed). */
export type LoadedCase =
  | { ok: true; facts: CaseFacts }
  | { ok: false; caseRow: CaseRow; debtor: DebtorRow; reason: string };

function groupBy<Row, Key>(rows: readonly Row[], key: (row: Row) => Key): Map<Key, Row[]> {
  const groups = new Map<Key, Row[]>();
  for (const row of rows) {
    const list = groups.get(key(row));
    if (list) list.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

/**
 * The facts of many cases in two round trips, exactly as loadCaseFacts (compliance/facts.queries.ts) gathers them
 * for one: same rows, same mapping functions, same history window per case. The queues judge thousands of cases at
 * a time (the nightly roll, a queue page), where seven queries per case would dominate; an integration test pins
 * the two loaders to equal facts. Contact points come in creation order, so the calendar zone (decision 3) is
 * stable.
 */
export async function loadFactsForCases(
  db: Executor,
  caseIds: readonly string[],
  at: Date,
): Promise<Map<string, LoadedCase>> {
  const loaded = new Map<string, LoadedCase>();
  if (caseIds.length === 0) return loaded;
  const heads = await db
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
    .where(inArray(cases.id, [...caseIds]));
  if (heads.length === 0) return loaded;
  const parameters = heads.map((head) => parametersOrReason(head.debtor, head.portfolio.ruleParameters));
  const since = (p: EffectiveParameters) => new Date(at.getTime() - historyDays(p) * DAY_MS);
  const earliest = new Date(
    Math.min(...parameters.map((p) => (typeof p === 'string' ? at.getTime() : since(p).getTime()))),
  );
  const ids = heads.map((h) => h.caseRow.id);
  const debtorIds = [...new Set(heads.map((h) => h.debtor.id))];
  const [points, optOutRows, disputeRows, approvals, logged, scheduled] = await Promise.all([
    db
      .select()
      .from(contactPoints)
      .where(inArray(contactPoints.debtorId, debtorIds))
      .orderBy(asc(contactPoints.createdAt), asc(contactPoints.id)),
    db.select().from(optOuts).where(inArray(optOuts.debtorId, debtorIds)),
    db.select().from(disputes).where(inArray(disputes.caseId, ids)),
    db
      .select({
        caseId: escalationRequests.caseId,
        kind: escalationRequests.kind,
        decidedBy: escalationRequests.decidedBy,
      })
      .from(escalationRequests)
      .where(and(inArray(escalationRequests.caseId, ids), eq(escalationRequests.status, 'approved'))),
    loggedHistory(db, debtorIds, earliest),
    scheduledVisits(db, debtorIds),
  ]);
  const pointsBy = groupBy(points, (r) => r.debtorId);
  const optOutsBy = groupBy(optOutRows, (r) => r.debtorId);
  const disputesBy = groupBy(disputeRows, (r) => r.caseId);
  const approvalsBy = groupBy(approvals, (r) => r.caseId);
  const historyBy = groupBy([...logged, ...scheduled], (r) => r.debtorId);
  heads.forEach((head, i) => {
    const { caseRow, debtor } = head;
    const params = parameters[i]!;
    if (typeof params === 'string') {
      loaded.set(caseRow.id, { ok: false, caseRow, debtor, reason: params });
      return;
    }
    const from = since(params).getTime();
    const debtorPoints = pointsBy.get(debtor.id) ?? [];
    const caseApprovals = (approvalsBy.get(caseRow.id) ?? []).map(({ kind, decidedBy }) => ({
      kind,
      decidedBy,
    }));
    // The loader for one case reads the window of its own portfolio: rows older than that are dropped here.
    const history = (historyBy.get(debtor.id) ?? []).filter(
      (row) => row.scheduled || row.occurredAt.getTime() >= from || row.kind === 'third_party_contact',
    );
    loaded.set(caseRow.id, {
      ok: true,
      facts: {
        caseRow,
        debtor,
        portfolio: { id: head.portfolio.id, ruleParametersVersion: head.portfolio.version },
        contactPoints: debtorPoints,
        approvals: caseApprovals,
        parameters: params,
        base: {
          debtor: debtorFacts(debtor, debtorPoints, optOutsBy.get(debtor.id) ?? []),
          debt: debtFacts(
            caseRow,
            disputesBy.get(caseRow.id) ?? [],
            caseApprovals.map((a) => a.kind),
          ),
          contactPoints: debtorPoints.map(contactPointFacts),
          history: history.map(historyEvent),
        },
      },
    });
  });
  return loaded;
}

/** The guard refuses to judge a portfolio whose parameters cannot be applied; the queues say why instead. */
function parametersOrReason(
  debtor: DebtorRow,
  overrides: Record<string, number>,
): EffectiveParameters | string {
  try {
    return parametersFor(
      { country: debtor.jurisdictionCountry, region: debtor.jurisdictionRegion },
      overrides,
    );
  } catch (error) {
    if (error instanceof AppError) return error.message;
    throw error;
  }
}

type HistoryRow = ContactLogRow & { debtorId: string; scheduled: boolean };

async function loggedHistory(db: Executor, debtorIds: string[], since: Date): Promise<HistoryRow[]> {
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

/** Visits on the calendar count against the visit caps before they happen (as in loadCaseFacts). */
async function scheduledVisits(db: Executor, debtorIds: string[]): Promise<HistoryRow[]> {
  const rows = await db
    .select({
      debtorId: cases.debtorId,
      caseId: fieldVisits.caseId,
      at: fieldVisits.scheduledFor,
      addressId: fieldVisits.addressId,
    })
    .from(fieldVisits)
    .innerJoin(cases, eq(cases.id, fieldVisits.caseId))
    .where(and(inArray(cases.debtorId, debtorIds), eq(fieldVisits.status, 'scheduled')));
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
