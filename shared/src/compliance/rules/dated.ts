import { type DatedFact, type EvaluationContext, inEffect } from '../context.ts';
import type { ProposedAction } from '../facts.ts';
import { formatDate } from '../format.ts';
import { type Reason, reason } from '../reasons/codes.ts';

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

/** `blockingFact`, answered with the reason `code`, which names the local date the fact began. */
export function blockedSince(
  code: 'ceaseRequested' | 'disputeOpen' | 'bankruptcyStay',
  context: EvaluationContext,
  at: number,
  fact: DatedFact | null,
  exempt?: (action: ProposedAction) => boolean,
): Reason | null {
  const blocking = blockingFact(context, at, fact, exempt);
  return blocking === null ? null : reason(code, { date: formatDate(context.calendar, blocking.from) });
}
