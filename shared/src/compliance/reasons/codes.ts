import type { ContactPointProvenance } from '../../domain/enums.ts';
import type { ActionKind, ContactPointKind, OptOutChannel } from '../actions.ts';

/**
 * Why a rule refuses (or warns about) an action, as a code with parameters, so that a verdict can be stored and
 * shown in any language. Parameters are plain JSON: local days are day numbers on the debtor's calendar (days
 * since 1970-01-01), local times are minutes of the day with the zone, dates with a year are `YYYY-MM-DD`.
 * Each language has one message table keyed by these codes (en.ts).
 */

/** An instant on one zone's wall clock. */
type LocalTime = {
  readonly minute: number;
  readonly day: number;
  readonly zone: string;
};

/** A daily window, minutes of the day. */
type Hours = {
  readonly from: number;
  readonly to: number;
};

/** A count within the `days` local days ending with `day`, against the allowed `max`. */
export type WindowCount = {
  readonly made: number;
  readonly days: number;
  readonly day: number;
  readonly max: number;
};

/** Who a third-party contact reaches: a relationship, 'unknown' (no known tie) or null (not identified). */
type ThirdPartyRef = {
  readonly relationship: string | null;
};

export interface ReasonParamsByCode {
  outsideContactHours: LocalTime & Hours & { readonly kind: ActionKind };
  inconvenientTime: LocalTime & { readonly windowFrom: number; readonly windowTo: number };
  inconvenientPlace: { readonly pointKind: ContactPointKind };
  callCapReached: WindowCount;
  recentConversation: { readonly conversationDay: number; readonly untilDay: number };
  optedOut: {
    readonly day: number;
    readonly channel: OptOutChannel | null;
    readonly pointKind: ContactPointKind | null;
  };
  ceaseRequested: { readonly date: string };
  representedByAttorney: { readonly attorney: string };
  employerProhibits: { readonly pointKind: ContactPointKind };
  thirdPartyLocationOnly: ThirdPartyRef;
  thirdPartyAlreadyContacted: ThirdPartyRef & { readonly day: number };
  locationContactDisclosesDebt: Record<string, never>;
  disputeOpen: { readonly date: string };
  validationOverdue: { readonly dueDay: number; readonly firstDay: number };
  limitationsExpired: { readonly date: string };
  optOutInstructionMissing: { readonly kind: ActionKind };
  initialDisclosureMissing: { readonly kind: ActionKind };
  collectorDisclosureMissing: { readonly kind: ActionKind };
  debtorDeceased: Record<string, never>;
  bankruptcyStay: { readonly date: string };
  noConsent: { readonly kind: ActionKind };
  consentRevoked: { readonly day: number };
  quickRedial: { readonly unanswered: number; readonly minutes: number };
  manyCallsToday: { readonly call: number; readonly max: number };
  personalNumbersCapReached: WindowCount;
  otherNumbersCapReached: WindowCount;
  visitOutsideHours: LocalTime & Hours;
  visitCapReached: WindowCount;
  communicationCapReached: WindowCount;
  workplaceCapReached: WindowCount;
  collectionOutsideHours: LocalTime & Hours;
  dailyDialCapReached: { readonly unanswered: number; readonly day: number; readonly max: number };
  thirdPartyNotAllowed: ThirdPartyRef & {
    readonly unrelated: boolean;
    readonly notAgreed: boolean;
    readonly reachable: boolean;
    readonly disclosesDebt: boolean;
  };
  visitNotRecorded: Record<string, never>;
  approvalNeeded: { readonly kind: ActionKind };
  onHold: LocalTime;
  caseClosed: Record<string, never>;
  belowPlacementMinimum: {
    readonly amountMinor: number;
    readonly minimumMinor: number;
    readonly currency: string;
  };
  /** provenance null: where the address came from is not recorded. */
  addressOriginNotAllowed: { readonly kind: ActionKind; readonly provenance: ContactPointProvenance | null };
  /** noticeDay null: no creditor notice on record; untilDay: the first day the address may be used. */
  creditorNoticePending: {
    readonly kind: ActionKind;
    readonly noticeDay: number | null;
    readonly untilDay: number | null;
  };
  /** checkedDay null: never checked. */
  reassignedCheckStale: { readonly checkedDay: number | null; readonly days: number };
  esignConsentMissing: Record<string, never>;
  creditorNotInSubject: Record<string, never>;
  originalCreditorRequested: { readonly date: string };
  addressUndeliverable: { readonly day: number; readonly pointKind: ContactPointKind };
  replyUnclassified: { readonly day: number };
  /** No rule judged these two; the queues store them as codes too (decision record 050). The debtor has no phone. */
  noPhoneOnFile: Record<string, never>;
  /** The portfolio's rule parameters cannot be applied to the debtor's jurisdiction; `detail` is the check's text. */
  rulesUnavailable: { readonly detail: string };
}

export type ReasonCode = keyof ReasonParamsByCode;

/** A rule's reason: a code and the parameters its message needs. */
export type Reason = {
  [Code in ReasonCode]: { readonly code: Code; readonly params: ReasonParamsByCode[Code] };
}[ReasonCode];

/** One message table: every code, as text in one language. */
export type MessageTable = { readonly [Code in ReasonCode]: (params: ReasonParamsByCode[Code]) => string };

export function reason<Code extends ReasonCode>(code: Code, params: ReasonParamsByCode[Code]): Reason {
  return { code, params } as Reason;
}
