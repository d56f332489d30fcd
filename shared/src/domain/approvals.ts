import { daysAfter } from './calendar.ts';
import type { EscalationKind } from './enums.ts';

/**
 * How long a supervisor's approval stays usable, per escalation kind, counted from the decision (decision record 026).
 * An approval is used up by the one action it allowed; one not used within its period has lapsed, and the case
 * needs a new request. The one place these periods live: the server's fact loaders and the screens read them here.
 */
export const APPROVAL_VALID_DAYS: Readonly<Record<EscalationKind, number>> = {
  agency_placement: 14,
  field_visit: 7,
  legal_filing: 30,
};

/** The instant an approval decided at `decidedAt` lapses (it is usable strictly before it). */
export function approvalExpiresAt(kind: EscalationKind, decidedAt: Date): Date {
  return daysAfter(decidedAt, APPROVAL_VALID_DAYS[kind]);
}
