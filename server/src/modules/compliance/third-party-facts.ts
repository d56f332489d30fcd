import type { HistoryEvent, ThirdPartyFacts } from '@arrears/shared/compliance/facts';
import { DAY_MS } from '@arrears/shared/domain/calendar';
import type { thirdParties } from '../../db/schema/index.ts';

export type ThirdPartyRow = typeof thirdParties.$inferSelect;

/** How long without a conversation before the debtor counts as unreachable (CN-NIFA-3P). */
export const UNREACHABLE_DAYS = 30;

/**
 * The debtor "cannot be reached" when no conversation with them (inbound or outbound, about any debt) is in
 * the history of the last 30 days. The history the facts loader reads reaches back at least 31 days.
 */
export function debtorUnreachable(history: readonly HistoryEvent[], at: Date): boolean {
  const since = at.getTime() - UNREACHABLE_DAYS * DAY_MS;
  return !history.some(
    (event) =>
      event.kind !== 'third_party_contact' &&
      event.outcome === 'conversation' &&
      Date.parse(event.at) >= since,
  );
}

export function thirdPartyFacts(
  row: ThirdPartyRow,
  purpose: ThirdPartyFacts['purpose'],
  history: readonly HistoryEvent[],
  at: Date,
): ThirdPartyFacts {
  return {
    id: row.id,
    relationship: row.relationship,
    purpose,
    debtorAgreed: row.debtorAgreed,
    debtorUnreachable: debtorUnreachable(history, at),
  };
}
