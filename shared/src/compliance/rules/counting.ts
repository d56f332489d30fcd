import type { ActionKind, Outcome } from '../actions.ts';
import type { EvaluationContext, PastEvent } from '../context.ts';
import type { WindowCount } from '../reasons/codes.ts';

const NEVER_CONNECTED: ReadonlySet<Outcome> = new Set(['busy', 'not_in_service', 'failed']);
const ANSWERED: ReadonlySet<Outcome> = new Set(['conversation', 'wrong_party', 'third_party']);

export function isPhoneKind(kind: ActionKind): boolean {
  return kind === 'call' || kind === 'autodial_call' || kind === 'voicemail';
}

/** docs/compliance/CATALOG.md, principle 4: outbound call, dialer and voicemail attempts count whatever their outcome, unless never connected. */
export function isCountedCall(event: PastEvent): boolean {
  return (
    event.outbound &&
    isPhoneKind(event.kind) &&
    (event.outcome === null || !NEVER_CONNECTED.has(event.outcome))
  );
}

/** An outbound phone attempt nobody answered (CN-CBA-DIALS, US-REGF-PATTERN); busy and failed dials included. */
export function isUnansweredCall(event: PastEvent): boolean {
  return (
    event.outbound && isPhoneKind(event.kind) && (event.outcome === null || !ANSWERED.has(event.outcome))
  );
}

/** An outbound message of one of `kinds` that went out: `sent`, or recorded without an outcome; not `bounced`. */
export function isSentMessage(event: PastEvent, kinds: readonly ActionKind[]): boolean {
  return event.outbound && kinds.includes(event.kind) && (event.outcome === null || event.outcome === 'sent');
}

/** docs/compliance/CATALOG.md, principle 3: events on the `days` local calendar days ending with `day` that match. */
export function countInDays(
  context: EvaluationContext,
  day: number,
  days: number,
  matches: (event: PastEvent) => boolean,
): number {
  const first = day - days + 1;
  let count = 0;
  for (const event of context.history) {
    if (event.day >= first && event.day <= day && matches(event)) count++;
  }
  return count;
}

/**
 * docs/compliance/CATALOG.md, principle 3: the cap rules (the proposed action counts, so the one after the `max`th is
 * refused): the count as the cap's reason carries it when one more would pass `max`; null while there is room.
 */
export function capReached(
  context: EvaluationContext,
  day: number,
  days: number,
  max: number,
  matches: (event: PastEvent) => boolean,
): WindowCount | null {
  const made = countInDays(context, day, days, matches);
  return made + 1 <= max ? null : { made, days, day, max };
}
