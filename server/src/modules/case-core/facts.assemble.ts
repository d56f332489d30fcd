import type { ReplyFacts } from '@arrears/shared/compliance/facts';
import type { EffectiveParameters } from '@arrears/shared/compliance/packs';
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
import { parametersFor } from './parameters.ts';

/** A case whose facts could be gathered, or one whose portfolio parameters cannot be applied (fail closed). */
export type LoadedCase =
  | { ok: true; facts: CaseFacts }
  | { ok: false; caseRow: CaseRow; debtor: DebtorRow; reason: string };

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
    replies: ReplyFacts[];
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
        replies: rows.replies,
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
