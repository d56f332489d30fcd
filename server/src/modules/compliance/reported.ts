import { evaluate, type Verdict } from '@arrears/shared/compliance/engine';
import type { ProposedAction } from '@arrears/shared/compliance/facts';
import type { Transaction } from '../../db/client.ts';
import { type Actor, actorUserId, type CaseFacts } from '../case-core/case-core.service.ts';
import { insertDecision, stampedVersion } from './decisions.queries.ts';
import { factsFor } from './guard.ts';

/**
 * An action a machine reports as already taken (a dialer's result without a live reservation): judged at its own
 * instant on the facts as they stood then, never refused, since evidence is never refused. A broken rule is kept as
 * a `violated` decision, warnings as `allowed`; call inside withCase (facts read at `at`) so it lands in order.
 */
export async function judgeReported(
  tx: Transaction,
  request: { actor: Actor; caseFacts: CaseFacts; action: ProposedAction; at: Date; now: Date },
): Promise<{ verdict: Verdict; decisionId: number | null }> {
  const { caseFacts, action, at } = request;
  const facts = factsFor(caseFacts, action, at);
  const verdict = evaluate(facts, { parameters: caseFacts.parameters });
  if (verdict.allowed && verdict.warnings.length === 0) return { verdict, decisionId: null };
  const decisionId = await insertDecision(tx, {
    caseId: caseFacts.caseRow.id,
    debtorId: caseFacts.debtor.id,
    actorId: actorUserId(request.actor),
    actionKind: action.kind,
    contactPointId: action.contactPointId ?? null,
    outcome: verdict.allowed ? 'allowed' : 'violated',
    verdict,
    facts,
    rulesetVersion: stampedVersion(caseFacts.portfolio.ruleParametersVersion),
    evaluatedAt: request.now,
  });
  return { verdict, decisionId };
}
