import { evaluate, type Verdict } from '@arrears/shared/compliance/engine';
import { opensAt } from '@arrears/shared/compliance/opens-at';
import type { Reason } from '@arrears/shared/compliance/reasons/codes';
import { renderReason } from '@arrears/shared/compliance/reasons/render';
import { ruleById } from '@arrears/shared/compliance/rules/registry';
import { type PromiseStanding, priorityScore } from '@arrears/shared/domain/priority';
import type { WorkBlock } from '@arrears/shared/schemas/queues';
import type { LoadedCase } from './facts.assemble.ts';
import type { CaseFacts } from './facts.ts';

const PHONES = new Set(['mobile', 'landline', 'work_phone']);

export interface Workability {
  /**
   * `now` when a call is allowed now; else the instant it opens when time alone lifts the blocks (a window, a
   * cap, a hold's end: the engine's `opensAt`); else null.
   */
  nextWorkableAt: Date | null;
  /** Why not now (null when workable now). */
  blockedBy: WorkBlock | null;
}

const NO_PHONE: Workability = {
  nextWorkableAt: null,
  blockedBy: unruled({ code: 'noPhoneOnFile', params: {} }),
};

/**
 * When an agent may next call the debtor about this case: the engine judges an outbound `call` to each of the
 * debtor's phones at `now`. Any phone allowed makes the case workable now; otherwise the earliest opening among
 * the phones: the verdict's next allowed time, or when none, `opensAt` (a hold that ends at a known instant).
 * The reason shown is that phone's first lasting violation (else its first), or the first phone's when no waiting
 * helps.
 */
export function judgeCall(facts: CaseFacts, now: Date): Workability {
  const phones = facts.contactPoints.filter((point) => PHONES.has(point.kind));
  if (phones.length === 0) return NO_PHONE;
  let shown: Verdict | null = null;
  let earliest: number | null = null;
  for (const phone of phones) {
    const call = {
      now: now.toISOString(),
      ...facts.base,
      action: { kind: 'call' as const, contactPointId: phone.id },
    };
    const verdict = evaluate(call, { parameters: facts.parameters });
    if (verdict.allowed) return { nextWorkableAt: now, blockedBy: null };
    // opensAt repeats what the verdict found, so it is asked only when the verdict names no time.
    const opening = verdict.nextAllowedAt ?? opensAt(call, { parameters: facts.parameters });
    const opens = opening === null ? null : Date.parse(opening);
    if (shown === null || (opens !== null && (earliest === null || opens < earliest))) {
      shown = verdict;
      earliest = opens;
    }
  }
  // The reason that lasts is the one to read: a hold or a dispute says more than tonight's closed window.
  const first =
    shown!.violations.find((hit) => ruleById(hit.ruleId)?.timing === false) ?? shown!.violations[0]!;
  return {
    nextWorkableAt: earliest === null ? null : new Date(earliest),
    blockedBy: {
      ruleId: first.ruleId,
      reason: first.reason,
      reasonCode: first.reasonCode ?? null,
      reasonParams: first.reasonParams ?? null,
      // One format for every instant the queues answer (the engine omits the milliseconds).
      nextAllowedAt: earliest === null ? null : new Date(earliest).toISOString(),
    },
  };
}

/** Workability of a loaded case; a portfolio whose parameters cannot be applied fails closed, with its reason. */
export function judgeLoaded(loaded: LoadedCase, now: Date): Workability {
  if (loaded.ok) return judgeCall(loaded.facts, now);
  return {
    nextWorkableAt: null,
    blockedBy: unruled({ code: 'rulesUnavailable', params: { detail: loaded.reason } }),
  };
}

/** A block no rule judged (no phone, parameters that cannot be applied): a reason code, no rule and no opening. */
function unruled(reason: Reason): WorkBlock {
  return {
    ruleId: null,
    reason: renderReason(reason),
    reasonCode: reason.code,
    reasonParams: reason.params,
    nextAllowedAt: null,
  };
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
