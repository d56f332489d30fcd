import { candidateZones } from '../domain/calendar.ts';
import {
  type ActionKind,
  type ContactPointKind,
  isTransactional,
  type MessagePurpose,
  type Outcome,
} from './actions.ts';
import type { ComplianceFacts, ContactPointFacts, OptOut, ReplyFacts, TimeWindow } from './facts.ts';
import { parseInstant } from './instant.ts';
import type { EffectiveParameters } from './pack-data.ts';
import { type ZoneClock, zoneClock } from './time.ts';

/** A past contact, parsed once per evaluation; `day` is its local date on the debtor's calendar. */
export interface PastEvent {
  readonly at: number;
  readonly day: number;
  readonly kind: ActionKind;
  readonly outbound: boolean;
  readonly contactPointId: string | null;
  /** Kind of the contact point reached; null when the point is no longer on file. */
  readonly pointKind: ContactPointKind | null;
  readonly aboutDebt: boolean;
  readonly outcome: Outcome | null;
  readonly thirdPartyId: string | null;
  readonly purpose: MessagePurpose | null;
}

/** A daily local window in minutes, half-open; `to` below `from` wraps past midnight. */
export interface MinuteWindow {
  readonly from: number;
  readonly to: number;
}

/**
 * A fact with a date (docs/compliance/CATALOG.md, principle 11): in effect from its own instant `from` until `until` (half-open), which is
 * Infinity for a fact that has not ended; `from` is -Infinity when the date is not known (it then always counted).
 */
export interface DatedFact {
  readonly from: number;
  readonly until: number;
}

/** An opt-out of a channel, a contact point or both, with its instant. */
export interface DatedOptOut {
  readonly optOut: OptOut;
  readonly fact: DatedFact;
}

/** Everything the rules read, derived once from the facts and shared by every instant the engine tries. */
export interface EvaluationContext {
  readonly facts: ComplianceFacts;
  readonly params: EffectiveParameters;
  /** The contact point the proposed action goes to, if any (undefined when it names an unknown point). */
  readonly target: ContactPointFacts | undefined;
  readonly zones: readonly ZoneClock[];
  /** The first candidate zone: it decides which local day an instant belongs to (docs/compliance/CATALOG.md, principle 3). */
  readonly calendar: ZoneClock;
  /** The instant judged (`facts.now`): what is dated after it was not known then and applies at no instant. */
  readonly judgedAt: number;
  /**
   * Past contacts dated at or before the instant judged (docs/compliance/CATALOG.md, principle 11), without the
   * transactional messages: no frequency rule counts them (principle 12).
   */
  readonly history: readonly PastEvent[];
  /** The transactional messages left out of `history`, dated at or before the instant judged. */
  readonly transactionalHistory: readonly PastEvent[];
  /** The proposed action is a transactional message (principle 12). */
  readonly transactional: boolean;
  readonly inconvenientTimes: readonly MinuteWindow[];
  readonly consentedTimes: readonly MinuteWindow[];
  // The dated facts; every rule asks `inEffect` about them, never their raw instants.
  readonly bankruptcy: DatedFact | null;
  readonly attorney: DatedFact | null;
  readonly cease: DatedFact | null;
  readonly death: DatedFact | null;
  readonly optOuts: readonly DatedOptOut[];
  /** The target contact point's consent revocation. */
  readonly consentRevoked: DatedFact | null;
  /** Open from its receipt until verification is sent. */
  readonly dispute: DatedFact | null;
  readonly hold: DatedFact | null;
  readonly initialCommunication: DatedFact | null;
  readonly validationNoticeSent: DatedFact | null;
  /** The statute of limitations has run from this instant on. */
  readonly limitationsExpired: DatedFact | null;
  /** Open from its receipt until the answer is sent (FDCPA 1692g(b)). */
  readonly originalCreditorRequest: DatedFact | null;
  readonly esignConsent: DatedFact | null;
  // The target contact point's dated facts (principle 14).
  readonly undeliverable: DatedFact | null;
  /** From the check, for as long as nothing newer is known; the rule decides how long a check lasts. */
  readonly reassignedCheck: DatedFact | null;
  readonly creditorNotice: DatedFact | null;
  /** Replies to the target not classified when they arrived, each until it was classified (principle 13). */
  readonly replyHolds: readonly DatedFact[];
}

/**
 * docs/compliance/CATALOG.md, principle 11, decided here for every rule: a dated fact applies at `at` from its own instant until it ends, and
 * only when its instant is not after the instant judged (a fact dated later was not known then, and the next
 * allowed time assumes nothing else happens).
 */
export function inEffect(context: EvaluationContext, fact: DatedFact | null, at: number): boolean {
  return fact !== null && fact.from <= context.judgedAt && fact.from <= at && at < fact.until;
}

/** A fact that does not end, from its instant; null when it is absent. */
function dated(from: string | null | undefined): DatedFact | null {
  return from == null ? null : { from: parseInstant(from), until: Infinity };
}

/** A fact known to hold whose date may be unknown (an attorney without `since`, a death without `deceasedAt`). */
function datedOrAlways(present: boolean, from: string | null | undefined): DatedFact | null {
  if (!present) return null;
  return from == null ? { from: -Infinity, until: Infinity } : { from: parseInstant(from), until: Infinity };
}

const NO_OPT_OUTS: readonly DatedOptOut[] = [];

function datedOptOuts(optOuts: readonly OptOut[] | undefined): readonly DatedOptOut[] {
  if (optOuts === undefined || optOuts.length === 0) return NO_OPT_OUTS;
  return optOuts.map((optOut) => ({ optOut, fact: { from: parseInstant(optOut.at), until: Infinity } }));
}

/** Open from its receipt until it was answered; an answer sent before this request arrived answered an earlier one. */
function openUntilAnswered(receivedAt: string, answeredAt: string | null | undefined): DatedFact {
  const received = parseInstant(receivedAt);
  const answered = answeredAt == null ? Infinity : parseInstant(answeredAt);
  return { from: received, until: answered >= received ? answered : Infinity };
}

const NO_HOLDS: readonly DatedFact[] = [];

/** A reply classified the instant it arrived (STOP, HELP) holds nothing; any other holds until classified. */
function replyHolds(
  replies: readonly ReplyFacts[] | undefined,
  targetId: string | null | undefined,
): readonly DatedFact[] {
  if (replies === undefined || replies.length === 0 || targetId == null) return NO_HOLDS;
  const holds: DatedFact[] = [];
  for (const reply of replies) {
    if (reply.contactPointId !== targetId) continue;
    const from = parseInstant(reply.receivedAt);
    const until = reply.classifiedAt == null ? Infinity : parseInstant(reply.classifiedAt);
    if (until > from) holds.push({ from, until });
  }
  return holds.length === 0 ? NO_HOLDS : holds;
}

const NO_EVENTS: readonly PastEvent[] = [];

function holdFact(debt: ComplianceFacts['debt']): DatedFact | null {
  if (debt.holdUntil == null) return null;
  const from = debt.holdFrom == null ? -Infinity : parseInstant(debt.holdFrom);
  return { from, until: parseInstant(debt.holdUntil) };
}

/** The instant a rule is asked about, with its local day on the debtor's calendar. */
export interface Moment {
  readonly at: number;
  readonly day: number;
}

function toMinutes(clock: string): number {
  return Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
}

function minuteWindows(windows: readonly TimeWindow[] | undefined): MinuteWindow[] {
  return (windows ?? []).map((w) => ({ from: toMinutes(w.from), to: toMinutes(w.to) }));
}

export function buildContext(facts: ComplianceFacts, params: EffectiveParameters): EvaluationContext {
  // docs/compliance/CATALOG.md, principle 1: the debtor's own zones and every contact point's zone; the jurisdiction's when none is known.
  const zones = candidateZones(facts).map(zoneClock);
  // Only countries without a pack have no zones; their rules never read the clock, UTC just keeps it total.
  const calendar = zones[0] ?? zoneClock('UTC');
  const points = facts.contactPoints ?? [];
  const debtId = facts.debt.id;
  const judgedAt = parseInstant(facts.now);
  const events = (facts.history ?? []).map((event): PastEvent => {
    const at = parseInstant(event.at);
    const contactPointId = event.contactPointId ?? null;
    return {
      at,
      day: calendar.dayOf(at),
      kind: event.kind,
      outbound: event.direction === 'outbound',
      contactPointId,
      pointKind: contactPointId === null ? null : (points.find((p) => p.id === contactPointId)?.kind ?? null),
      aboutDebt: event.debtIds.includes(debtId),
      outcome: event.outcome ?? null,
      thirdPartyId: event.thirdPartyId ?? null,
      purpose: event.purpose ?? null,
    };
  });
  // docs/compliance/CATALOG.md, principle 11: a contact dated after the instant judged had not happened yet; principle
  // 12: a transactional message counts toward nothing. Filtered only when there is such an event.
  const kept = (e: PastEvent) => e.at <= judgedAt && !isTransactional(e.purpose);
  const history = events.every(kept) ? events : events.filter(kept);
  const transactionalHistory =
    history === events ? NO_EVENTS : events.filter((e) => e.at <= judgedAt && isTransactional(e.purpose));
  const targetId = facts.action.contactPointId;
  const target = targetId == null ? undefined : points.find((p) => p.id === targetId);
  const { debtor, debt } = facts;
  return {
    facts,
    params,
    target,
    zones,
    calendar,
    judgedAt,
    history,
    transactionalHistory,
    transactional: isTransactional(facts.action.message?.purpose),
    inconvenientTimes: minuteWindows(debtor.inconvenientTimes),
    consentedTimes: minuteWindows(debtor.consentedTimes),
    bankruptcy: dated(debtor.bankruptcyFiledAt),
    attorney: datedOrAlways(debtor.attorney != null, debtor.attorney?.since),
    cease: dated(debtor.ceaseRequestedAt),
    death: datedOrAlways(debtor.deceased === true, debtor.deceasedAt),
    optOuts: datedOptOuts(debtor.optOuts),
    consentRevoked: dated(target?.consentRevokedAt),
    dispute:
      debt.dispute == null
        ? null
        : openUntilAnswered(debt.dispute.receivedAt, debt.dispute.verificationSentAt),
    hold: holdFact(debt),
    initialCommunication: dated(debt.initialCommunicationAt),
    validationNoticeSent: dated(debt.validationNoticeSentAt),
    limitationsExpired: dated(debt.limitationsExpiresAt),
    originalCreditorRequest:
      debt.originalCreditorRequest == null
        ? null
        : openUntilAnswered(debt.originalCreditorRequest.receivedAt, debt.originalCreditorRequest.answeredAt),
    esignConsent: dated(debtor.esignConsentAt),
    undeliverable: dated(target?.undeliverableSince),
    reassignedCheck: dated(target?.reassignedCheckedAt),
    creditorNotice: dated(target?.creditorNoticeAt),
    replyHolds: replyHolds(facts.replies, targetId),
  };
}
