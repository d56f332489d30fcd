import type { HistoryEvent } from '@arrears/shared/compliance/facts';
import type { CaseFacts } from './facts.queries.ts';

type BaseFacts = CaseFacts['base'];

/**
 * The case's facts as they stood at `at` (COMPLIANCE.md decision 11, "a fact counts from its own instant"): what
 * was recorded with a later instant — a contact, an opt-out, a cease request, an attorney, a bankruptcy, a death,
 * a revoked consent, a dispute, the first communication — did not apply yet. Judging at now this changes nothing;
 * it matters for a call logged after the fact (decision record 020). Where a row keeps no instant (a hold, a
 * dispute's verification) the current value stands.
 */
export function factsAsOf(caseFacts: CaseFacts, at: Date): BaseFacts {
  const { base } = caseFacts;
  const ms = at.getTime();
  const after = (iso: string | null | undefined) => iso != null && Date.parse(iso) > ms;
  const until = <T>(iso: string | null | undefined, value: T): T | null => (after(iso) ? null : value);
  const { debtor, debt } = base;
  const diedAt = caseFacts.debtor.deceasedAt;
  return {
    ...base,
    debtor: {
      ...debtor,
      deceased: debtor.deceased === true && (diedAt === null || diedAt.getTime() <= ms),
      bankruptcyFiledAt: until(debtor.bankruptcyFiledAt, debtor.bankruptcyFiledAt ?? null),
      attorney: debtor.attorney == null ? debtor.attorney : until(debtor.attorney.since, debtor.attorney),
      ceaseRequestedAt: until(debtor.ceaseRequestedAt, debtor.ceaseRequestedAt ?? null),
      optOuts: debtor.optOuts?.filter((optOut) => !after(optOut.at)),
    },
    debt: {
      ...debt,
      initialCommunicationAt: until(debt.initialCommunicationAt, debt.initialCommunicationAt ?? null),
      validationNoticeSentAt: until(debt.validationNoticeSentAt, debt.validationNoticeSentAt ?? null),
      dispute: debt.dispute == null ? debt.dispute : until(debt.dispute.receivedAt, debt.dispute),
    },
    contactPoints: base.contactPoints?.map((point) =>
      after(point.consentRevokedAt) ? { ...point, consentRevokedAt: null } : point,
    ),
    history: base.history?.filter((event) => !after(event.at) || isPlannedVisit(event)),
  };
}

/**
 * A field visit still on the calendar is a plan, not history: visits are judged against the calendar as decision
 * record 005 says, whatever instant is judged.
 */
function isPlannedVisit(event: HistoryEvent): boolean {
  return event.kind === 'field_visit' && event.outcome == null;
}
