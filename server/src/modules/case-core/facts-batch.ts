import type { EffectiveParameters } from '@arrears/shared/compliance/packs';
import { DAY_MS } from '@arrears/shared/domain/calendar';
import type { Executor } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import {
  type CaseRow,
  type ContactLogRow,
  type ContactPointRow,
  contactPointFacts,
  type DebtorRow,
  type DisputeRow,
  debtFacts,
  debtorFacts,
  historyEvent,
  type OptOutRow,
} from './facts.mapping.ts';
import type { Approval, CaseFacts } from './facts.ts';
import {
  approvalsOf,
  disputesOf,
  type HistoryRow,
  heads,
  loggedHistoryOf,
  loggedHistoryOfCases,
  optOutsOf,
  pointsOf,
  scheduledVisitsOf,
} from './facts-batch.queries.ts';
import { historyDays, parametersFor } from './parameters.ts';

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
export interface LoadOptions {
  withoutHistory?: boolean;
  /**
   * Reads the history from this instant in the same round trip as the other facts, instead of a second round trip
   * once the portfolios' windows are known. Rows before a case's own window are dropped as usual; a window reaching
   * further back than this instant is read in a second round trip after all.
   */
  historySince?: Date;
  /** Changes made to these cases in this transaction but not yet written: the facts are of the changed rows. */
  caseChanges?: ReadonlyMap<string, Partial<CaseRow>>;
}

export async function loadFactsForCases(
  db: Executor,
  caseIds: readonly string[],
  at: Date,
  options: LoadOptions = {},
): Promise<Map<string, LoadedCase>> {
  const loaded = new Map<string, LoadedCase>();
  if (caseIds.length === 0) return loaded;
  const ids = [...caseIds];
  // Without history, escalation approvals and scheduled visits are left out too: no rule judging a call reads them.
  const full = !options.withoutHistory;
  const early = full && options.historySince ? options.historySince : null;
  const [headRows, points, optOutRows, disputeRows, approvals, scheduled, earlyLogged] = await Promise.all([
    heads(db, ids),
    pointsOf(db, ids),
    optOutsOf(db, ids),
    disputesOf(db, ids),
    full ? approvalsOf(db, ids, at) : [],
    full ? scheduledVisitsOf(db, ids) : [],
    early ? loggedHistoryOfCases(db, ids, early) : null,
  ]);
  const parameters = headRows.map((head) => parametersOrReason(head.debtor, head.portfolio.ruleParameters));
  const since = (p: EffectiveParameters) => at.getTime() - historyDays(p) * DAY_MS;
  const earliest = Math.min(...parameters.map((p) => (typeof p === 'string' ? at.getTime() : since(p))));
  const logged: HistoryRow[] =
    !full || headRows.length === 0
      ? []
      : earlyLogged !== null && early !== null && early.getTime() <= earliest
        ? earlyLogged
        : await loggedHistoryOf(db, [...new Set(headRows.map((h) => h.debtor.id))], new Date(earliest));
  const pointsBy = groupBy(points, (r) => r.debtorId);
  const optOutsBy = groupBy(optOutRows, (r) => r.debtorId);
  const disputesBy = groupBy(disputeRows, (r) => r.caseId);
  const approvalsBy = groupBy(approvals, (r) => r.caseId);
  const historyBy = groupBy([...logged, ...scheduled], (r) => r.debtorId);
  headRows.forEach((head, i) => {
    const changes = options.caseChanges?.get(head.caseRow.id);
    const caseRow = changes ? { ...head.caseRow, ...changes } : head.caseRow;
    const params = parameters[i]!;
    const from = typeof params === 'string' ? 0 : since(params);
    // The loader for one case reads the window of its own portfolio: rows older than that are dropped here.
    const history = (historyBy.get(head.debtor.id) ?? []).filter(
      (row) => row.scheduled || row.occurredAt.getTime() >= from || row.kind === 'third_party_contact',
    );
    loaded.set(
      caseRow.id,
      assembleCase({ ...head, caseRow }, params, {
        points: pointsBy.get(head.debtor.id) ?? [],
        optOuts: optOutsBy.get(head.debtor.id) ?? [],
        disputes: disputesBy.get(caseRow.id) ?? [],
        approvals: approvalsBy.get(caseRow.id) ?? [],
        history,
      }),
    );
  });
  return loaded;
}

export interface CaseHead {
  caseRow: CaseRow;
  debtor: DebtorRow;
  portfolio: { id: string; ruleParameters: Record<string, number>; version: number };
}

/** One case's rows, already cut to its history window, mapped to the engine's facts (decision record 007). */
export function assembleCase(
  head: CaseHead,
  params: EffectiveParameters | string,
  rows: {
    points: ContactPointRow[];
    optOuts: OptOutRow[];
    disputes: DisputeRow[];
    approvals: Approval[];
    history: ContactLogRow[];
  },
): LoadedCase {
  const { caseRow, debtor } = head;
  if (typeof params === 'string') return { ok: false, caseRow, debtor, reason: params };
  const approvals = rows.approvals.map(({ id, kind, decidedBy }) => ({ id, kind, decidedBy }));
  return {
    ok: true,
    facts: {
      caseRow,
      debtor,
      portfolio: { id: head.portfolio.id, ruleParametersVersion: head.portfolio.version },
      contactPoints: rows.points,
      disputes: rows.disputes,
      approvals,
      parameters: params,
      base: {
        debtor: debtorFacts(debtor, rows.points, rows.optOuts),
        debt: debtFacts(
          caseRow,
          rows.disputes,
          approvals.map((a) => a.kind),
        ),
        contactPoints: rows.points.map(contactPointFacts),
        history: rows.history.map(historyEvent),
      },
    },
  };
}

/** The rule parameters of a case's portfolio for its debtor, or why they cannot be applied. */
export function caseParameters(head: CaseHead): EffectiveParameters | string {
  return parametersOrReason(head.debtor, head.portfolio.ruleParameters);
}

/** The guard refuses to judge a portfolio whose parameters cannot be applied; the queues say why instead. */
export function parametersOrReason(
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
