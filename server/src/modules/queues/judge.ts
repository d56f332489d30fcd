import { evaluate, type Verdict } from '@arrears/shared/compliance/engine';
import { type PromiseStanding, priorityScore } from '@arrears/shared/domain/priority';
import type { WorkBlock } from '@arrears/shared/schemas/queues';
import type { CaseFacts } from '../compliance/facts.queries.ts';
import type { LoadedCase } from './workability-facts.ts';

const PHONES = new Set(['mobile', 'landline', 'work_phone']);

export interface Workability {
  /** `now` when a call is allowed now; the earliest allowed instant when only time or frequency blocks; else null. */
  nextWorkableAt: Date | null;
  /** Why not now (null when workable now). */
  blockedBy: WorkBlock | null;
}

const NO_PHONE: Workability = {
  nextWorkableAt: null,
  blockedBy: { ruleId: null, reason: 'No phone number on file.', nextAllowedAt: null },
};

/**
 * When an agent may next call the debtor about this case: the engine judges an outbound `call` to each of the
 * debtor's phones at `now`. Any phone allowed makes the case workable now; otherwise the earliest next-allowed
 * instant among the phones (the engine gives one only when every violation is a time-of-day or frequency rule).
 * The reason shown is that phone's first violation, or the first phone's when no waiting helps.
 */
export function judgeCall(facts: CaseFacts, now: Date): Workability {
  const phones = facts.contactPoints.filter((point) => PHONES.has(point.kind));
  if (phones.length === 0) return NO_PHONE;
  let shown: Verdict | null = null;
  let earliest: number | null = null;
  for (const phone of phones) {
    const verdict = evaluate(
      { now: now.toISOString(), ...facts.base, action: { kind: 'call', contactPointId: phone.id } },
      { parameters: facts.parameters },
    );
    if (verdict.allowed) return { nextWorkableAt: now, blockedBy: null };
    const opens = verdict.nextAllowedAt === null ? null : Date.parse(verdict.nextAllowedAt);
    if (shown === null || (opens !== null && (earliest === null || opens < earliest))) {
      shown = verdict;
      earliest = opens;
    }
  }
  const first = shown!.violations[0]!;
  return {
    nextWorkableAt: earliest === null ? null : new Date(earliest),
    blockedBy: {
      ruleId: first.ruleId,
      reason: first.reason,
      // One format for every instant the queues answer (the engine omits the milliseconds).
      nextAllowedAt: earliest === null ? null : new Date(earliest).toISOString(),
    },
  };
}

/** Workability of a loaded case; a portfolio whose parameters cannot be applied fails closed, with its reason. */
export function judgeLoaded(loaded: LoadedCase, now: Date): Workability {
  if (loaded.ok) return judgeCall(loaded.facts, now);
  return { nextWorkableAt: null, blockedBy: { ruleId: null, reason: loaded.reason, nextAllowedAt: null } };
}

export function caseRowOf(loaded: LoadedCase) {
  return loaded.ok ? loaded.facts.caseRow : loaded.caseRow;
}

/** The stored priority of a case: the documented score, with workable-now read from the instant just judged. */
export function priorityOf(
  loaded: LoadedCase,
  standing: PromiseStanding,
  workability: Workability,
  now: Date,
) {
  const row = caseRowOf(loaded);
  return priorityScore({
    balanceMinor: row.balanceMinor,
    currency: row.currency,
    daysPastDue: row.daysPastDue,
    promiseState: standing,
    lastContactAt: row.lastContactAt,
    now,
    workableNow: workability.nextWorkableAt !== null && workability.nextWorkableAt <= now,
  });
}
