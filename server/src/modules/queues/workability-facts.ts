import type { EffectiveParameters } from '@arrears/shared/compliance/packs';
import type { Executor } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import {
  type CaseRow,
  contactPointFacts,
  type DebtorRow,
  debtFacts,
  debtorFacts,
  historyEvent,
} from '../compliance/facts.mapping.ts';
import type { CaseFacts } from '../compliance/facts.queries.ts';
import { historyDays, parametersFor } from '../compliance/parameters.ts';
import {
  approvalsOf,
  disputesOf,
  type HistoryRow,
  heads,
  loggedHistoryOf,
  optOutsOf,
  pointsOf,
  scheduledVisitsOf,
} from './workability-facts.queries.ts';

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
 * the two loaders to equal facts. `withoutHistory` reads only what a call's time-of-day and standing rules need
 * (one round trip): next-case uses it to confirm a stored instant, since history only loosens with time.
 */
export async function loadFactsForCases(
  db: Executor,
  caseIds: readonly string[],
  at: Date,
  options: { withoutHistory?: boolean } = {},
): Promise<Map<string, LoadedCase>> {
  const loaded = new Map<string, LoadedCase>();
  if (caseIds.length === 0) return loaded;
  const ids = [...caseIds];
  // Without history, escalation approvals and scheduled visits are left out too: no rule judging a call reads them.
  const full = !options.withoutHistory;
  const [headRows, points, optOutRows, disputeRows, approvals, scheduled] = await Promise.all([
    heads(db, ids),
    pointsOf(db, ids),
    optOutsOf(db, ids),
    disputesOf(db, ids),
    full ? approvalsOf(db, ids) : [],
    full ? scheduledVisitsOf(db, ids) : [],
  ]);
  const parameters = headRows.map((head) => parametersOrReason(head.debtor, head.portfolio.ruleParameters));
  const since = (p: EffectiveParameters) => at.getTime() - historyDays(p) * DAY_MS;
  const earliest = Math.min(...parameters.map((p) => (typeof p === 'string' ? at.getTime() : since(p))));
  const logged: HistoryRow[] =
    !full || headRows.length === 0
      ? []
      : await loggedHistoryOf(db, [...new Set(headRows.map((h) => h.debtor.id))], new Date(earliest));
  const pointsBy = groupBy(points, (r) => r.debtorId);
  const optOutsBy = groupBy(optOutRows, (r) => r.debtorId);
  const disputesBy = groupBy(disputeRows, (r) => r.caseId);
  const approvalsBy = groupBy(approvals, (r) => r.caseId);
  const historyBy = groupBy([...logged, ...scheduled], (r) => r.debtorId);
  headRows.forEach((head, i) => {
    const { caseRow, debtor } = head;
    const params = parameters[i]!;
    if (typeof params === 'string') {
      loaded.set(caseRow.id, { ok: false, caseRow, debtor, reason: params });
      return;
    }
    const from = since(params);
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
