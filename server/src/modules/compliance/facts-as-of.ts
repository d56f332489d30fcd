import type { DebtFacts } from '@arrears/shared/compliance/facts';
import type { CaseFacts, DisputeRow } from '../case-core/case-core.service.ts';

type BaseFacts = CaseFacts['base'];

/**
 * The case's facts for judging an action at `at` (docs/compliance/CATALOG.md, principle 11, "a fact counts from its own
 * instant"). The engine itself applies every dated fact only from its instant (and a dispute or a hold only until
 * its end), so the facts keep their dates and this picks only what one set of facts cannot say at once: the
 * dispute that stood at `at`, which may have been verified since (the live facts carry only a dispute still open).
 * Judging at now this changes nothing; it matters for a call logged after the fact (decision record 020).
 */
export function factsAsOf(caseFacts: CaseFacts, at: Date): BaseFacts {
  const { base } = caseFacts;
  const standing = disputeStandingAt(caseFacts.disputes, 'debt', at.getTime());
  const request = disputeStandingAt(caseFacts.disputes, 'original_creditor', at.getTime());
  if (standing == null && request == null) return base;
  const debt = { ...base.debt };
  if (standing != null) debt.dispute = standing;
  if (request != null) {
    debt.originalCreditorRequest = { receivedAt: request.receivedAt, answeredAt: request.verificationSentAt };
  }
  return { ...base, debt };
}

/**
 * The latest dispute of `subject` (a dispute of the debt, or a request for the original creditor) received by `at`
 * and not yet answered at `at`; null when none was open then.
 */
function disputeStandingAt(
  disputes: readonly DisputeRow[],
  subject: DisputeRow['subject'],
  at: number,
): DebtFacts['dispute'] {
  let standing: DisputeRow | null = null;
  for (const row of disputes) {
    if (row.subject !== subject) continue;
    const received = row.receivedAt.getTime();
    const verified = row.verificationSentAt?.getTime() ?? Infinity;
    if (received > at || verified <= at) continue;
    if (standing === null || received > standing.receivedAt.getTime()) standing = row;
  }
  if (standing === null) return null;
  return {
    receivedAt: standing.receivedAt.toISOString(),
    verificationSentAt: standing.verificationSentAt?.toISOString() ?? null,
  };
}
