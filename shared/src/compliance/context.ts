import type { ActionKind, ContactPointKind, Outcome } from './actions.ts';
import type { ComplianceFacts, ContactPointFacts, TimeWindow } from './facts.ts';
import { parseInstant, parseOptionalInstant } from './instant.ts';
import { zonesForJurisdiction } from './jurisdiction-zones.ts';
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
}

/** A daily local window in minutes, half-open; `to` below `from` wraps past midnight. */
export interface MinuteWindow {
  readonly from: number;
  readonly to: number;
}

/** Everything the rules read, derived once from the facts and shared by every instant the engine tries. */
export interface EvaluationContext {
  readonly facts: ComplianceFacts;
  readonly params: EffectiveParameters;
  /** The contact point the proposed action goes to, if any (undefined when it names an unknown point). */
  readonly target: ContactPointFacts | undefined;
  readonly zones: readonly ZoneClock[];
  /** The first candidate zone: it decides which local day an instant belongs to (decision 3). */
  readonly calendar: ZoneClock;
  readonly history: readonly PastEvent[];
  readonly inconvenientTimes: readonly MinuteWindow[];
  readonly consentedTimes: readonly MinuteWindow[];
  readonly holdUntil: number | null;
  readonly limitationsExpiresAt: number | null;
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

/** Decision 1: the debtor's own zones and every contact point's zone; the jurisdiction's when none is known. */
export function candidateZones(facts: ComplianceFacts): string[] {
  const zones = [...(facts.debtor.timeZones ?? [])];
  for (const point of facts.contactPoints ?? []) {
    if (point.timeZone && !zones.includes(point.timeZone)) zones.push(point.timeZone);
  }
  return zones.length > 0 ? zones : [...zonesForJurisdiction(facts.debtor.jurisdiction)];
}

export function buildContext(facts: ComplianceFacts, params: EffectiveParameters): EvaluationContext {
  const zones = candidateZones(facts).map(zoneClock);
  // Only countries without a pack have no zones; their rules never read the clock, UTC just keeps it total.
  const calendar = zones[0] ?? zoneClock('UTC');
  const points = facts.contactPoints ?? [];
  const debtId = facts.debt.id;
  const history = (facts.history ?? []).map((event): PastEvent => {
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
    };
  });
  const targetId = facts.action.contactPointId;
  return {
    facts,
    params,
    target: targetId == null ? undefined : points.find((p) => p.id === targetId),
    zones,
    calendar,
    history,
    inconvenientTimes: minuteWindows(facts.debtor.inconvenientTimes),
    consentedTimes: minuteWindows(facts.debtor.consentedTimes),
    holdUntil: parseOptionalInstant(facts.debt.holdUntil),
    limitationsExpiresAt: parseOptionalInstant(facts.debt.limitationsExpiresAt),
  };
}
