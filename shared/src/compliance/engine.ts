import { buildContext } from './context.ts';
import type { Rule, RuleEffect } from './define-rule.ts';
import type { ComplianceFacts } from './facts.ts';
import { formatInstant } from './instant.ts';
import { findNextAllowed } from './next-allowed.ts';
import type { RuleId } from './pack-data.ts';
import { DEFAULT_PARAMETERS, type EffectiveParameters } from './pack-data.ts';
import { packsFor, RULESET_VERSION } from './packs.ts';
import type { Reason } from './reasons/codes.ts';
import { renderReason } from './reasons/render.ts';
import { ruleById, rulesFor } from './rules/registry.ts';

export { ACTION_KINDS, COLLECTION_ACTIONS, CONTACT_ACTIONS } from './actions.ts';
export type { RuleEffect } from './define-rule.ts';

export interface RuleHit {
  readonly ruleId: RuleId;
  readonly effect: RuleEffect;
  /** Plain language for the agent, specific to this case: `reasonCode` rendered in English. */
  readonly reason: string;
  /**
   * The reason as a code with its parameters, so it can be shown in any language (reasons/render.ts). The engine
   * always sets them; hits stored before reasons had codes carry only `reason`.
   */
  readonly reasonCode?: Reason['code'];
  readonly reasonParams?: Reason['params'];
  /** Legal citation from the catalog ("agency policy" for POL-* rules). */
  readonly source: string;
}

export interface Verdict {
  readonly allowed: boolean;
  /** Blocking hits: `block` rules and unmet `require` rules. */
  readonly violations: readonly RuleHit[];
  readonly warnings: readonly RuleHit[];
  /** Earliest instant (ISO, UTC) the same action would pass; only when every violation is time-of-day or frequency. */
  readonly nextAllowedAt: string | null;
  readonly rulesetVersion: string;
}

export interface EvaluateOptions {
  /** The portfolio's parameters from resolveParameters; the packs' defaults when omitted. */
  readonly parameters?: EffectiveParameters;
}

function hit(rule: Rule, reason: Reason): RuleHit {
  return {
    ruleId: rule.id as RuleId,
    effect: rule.effect,
    reason: renderReason(reason),
    reasonCode: reason.code,
    reasonParams: reason.params,
    // Stored with the decision as it reads in English; a reader sees the rule's source in their language (displaySource).
    source: rule.source.en,
  };
}

/**
 * Evaluates one proposed action against the facts of one debtor and one debt. Pure and deterministic: the
 * facts carry `now`, and the engine has no clock and does no I/O.
 */
export function evaluate(facts: ComplianceFacts, options: EvaluateOptions = {}): Verdict {
  const context = buildContext(facts, options.parameters ?? DEFAULT_PARAMETERS);
  const rules = rulesFor(packsFor(facts.debtor.jurisdiction), facts.action.kind, context.transactional);
  const now = context.judgedAt;
  const moment = { at: now, day: context.calendar.dayOf(now) };
  const violations: RuleHit[] = [];
  const warnings: RuleHit[] = [];
  const violated: Rule[] = [];
  for (const rule of rules) {
    const reason = rule.check(context, moment);
    if (reason === null) continue;
    if (rule.effect === 'warn') {
      warnings.push(hit(rule, reason));
    } else {
      violations.push(hit(rule, reason));
      violated.push(rule);
    }
  }
  let nextAllowedAt: string | null = null;
  if (violated.length > 0 && violated.every((rule) => rule.timing)) {
    // The rules that fail now are the likeliest to fail later too: trying them first ends most checks early.
    const ordered = [...violated, ...rules.filter((rule) => !violated.includes(rule))];
    const next = findNextAllowed(context, ordered, now);
    nextAllowedAt = next === null ? null : formatInstant(next);
  }
  return {
    allowed: violations.length === 0,
    violations,
    warnings,
    nextAllowedAt,
    rulesetVersion: RULESET_VERSION,
  };
}

/** Law (US-*, CN-* blocks) cannot be overridden by a supervisor; agency policy (POL-*) and warnings can. */
export function isLegalRule(ruleId: string): boolean {
  const rule = ruleById(ruleId);
  return rule !== undefined && !rule.id.startsWith('POL-') && rule.effect !== 'warn';
}
