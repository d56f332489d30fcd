import { type DatedFact, type EvaluationContext, inEffect } from '../context.ts';
import type { ProposedAction } from '../facts.ts';

/**
 * The rules that apply from a dated fact's instant on (a cease request, a dispute, a bankruptcy, an attorney, a
 * death, a revoked consent, a hold, an expired limitation period): the fact when it is in effect at `at` and
 * `exempt` does not let the proposed action through (a cease acknowledgement, a contact to the attorney); null when
 * the rule does not block.
 */
export function blockingFact(
  context: EvaluationContext,
  at: number,
  fact: DatedFact | null,
  exempt?: (action: ProposedAction) => boolean,
): DatedFact | null {
  if (fact === null || !inEffect(context, fact, at)) return null;
  if (exempt?.(context.facts.action)) return null;
  return fact;
}
