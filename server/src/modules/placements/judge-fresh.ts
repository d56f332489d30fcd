import type { EffectiveParameters } from '@arrears/shared/compliance/packs';
import {
  assembleCase,
  type CaseRow,
  type ContactPointRow,
  type DebtorRow,
  judgeLoaded,
  parametersOrReason,
  priorityOf,
  type Workability,
} from '../case-core/case-core.service.ts';

export interface FreshCase {
  caseRow: CaseRow;
  debtor: DebtorRow;
  points: ContactPointRow[];
}

export interface FreshJudgement {
  nextWorkableAt: Date | null;
  priority: number;
  /** Why a call is not allowed now (all null when it is), as the queues store it. */
  blockedRuleId: string | null;
  blockedReasonCode: string | null;
  blockedReasonParams: Record<string, unknown> | null;
}

/**
 * The batch equivalent of refreshWorkability for cases about to be inserted (decision record 012): a case just
 * placed has a new debtor with no contact history, opt-outs, disputes, approvals or promises, so its facts are
 * exactly the rows the import builds, and the queues' own judge (`judgeLoaded`, `priorityOf`) is run on them in
 * memory with the same mapping functions as `loadFactsForCases`. The import then writes each case once, with its
 * workable instant and priority, instead of inserting and re-reading 100,000 cases. An integration test pins
 * the stored values to what `judgeCases` computes from the database afterwards.
 */
export function judgeFresh(
  fresh: readonly FreshCase[],
  portfolio: { id: string; ruleParameters: Record<string, number>; ruleParametersVersion: number },
  now: Date,
): FreshJudgement[] {
  const parametersByRegion = new Map<string, EffectiveParameters | string>();
  const parametersOf = (debtor: DebtorRow) => {
    const key = `${debtor.jurisdictionCountry}/${debtor.jurisdictionRegion ?? ''}`;
    let params = parametersByRegion.get(key);
    if (params === undefined) {
      params = parametersOrReason(debtor, portfolio.ruleParameters);
      parametersByRegion.set(key, params);
    }
    return params;
  };
  const head = {
    id: portfolio.id,
    ruleParameters: portfolio.ruleParameters,
    version: portfolio.ruleParametersVersion,
  };
  // Fresh cases with the same facts up to their ids get the same verdict: judged once per shape (a file of one
  // region and a few area codes has a few hundred shapes), prioritised one by one.
  const verdicts = new Map<string, Workability>();
  return fresh.map(({ caseRow, debtor, points }) => {
    // A fresh case has no history, dispute, opt-out, reply or approval yet: the same assembly as every loaded case.
    const loaded = assembleCase({ caseRow, debtor, portfolio: head }, parametersOf(debtor), {
      points,
      optOuts: [],
      disputes: [],
      replies: [],
      approvals: [],
      history: [],
    });
    const shape = loaded.ok
      ? JSON.stringify([
          debtor.jurisdictionCountry,
          debtor.jurisdictionRegion,
          loaded.facts.base.debtor,
          { ...loaded.facts.base.debt, id: null },
          (loaded.facts.base.contactPoints ?? []).map((point) => ({ ...point, id: null })),
        ])
      : null;
    let workability = shape === null ? undefined : verdicts.get(shape);
    if (workability === undefined) {
      workability = judgeLoaded(loaded, now);
      if (shape !== null) verdicts.set(shape, workability);
    }
    return {
      nextWorkableAt: workability.nextWorkableAt,
      priority: priorityOf(loaded, 'none', workability, now),
      blockedRuleId: workability.blockedBy?.ruleId ?? null,
      blockedReasonCode: workability.blockedBy?.reasonCode ?? null,
      blockedReasonParams: workability.blockedBy?.reasonParams ?? null,
    };
  });
}
