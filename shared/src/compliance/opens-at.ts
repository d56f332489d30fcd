import { buildContext } from './context.ts';
import type { Rule } from './define-rule.ts';
import type { EvaluateOptions } from './engine.ts';
import type { ComplianceFacts } from './facts.ts';
import { formatInstant, parseInstant } from './instant.ts';
import { findNextAllowed } from './next-allowed.ts';
import type { RuleId } from './pack-data.ts';
import { DEFAULT_PARAMETERS } from './pack-data.ts';
import { packsFor } from './packs.ts';
import { rulesFor } from './rules/registry.ts';

export interface OpensAtOptions extends EvaluateOptions {
  /**
   * Rules a person is about to lift and that are asked for apart (a supervisor's approval, POL-APPROVAL): judged
   * as if they passed, so the answer is when the rest opens.
   */
  readonly waived?: readonly RuleId[];
}

/**
 * When the proposed action opens if nothing but time passes: the earliest instant from `facts.now` at which it
 * passes, or null when something other than time must change first (a dispute, a cease, a missing consent).
 * Beyond the verdict's next allowed time (docs/compliance/CATALOG.md, principle 10: time-of-day and frequency blocks only), this waits out
 * the blocks that end at a known instant (a hold until a date) and then finds the next opening of the rest.
 * The queue rows, "next case" and the case screen all read their opening time from here, so they agree.
 */
export function opensAt(facts: ComplianceFacts, options: OpensAtOptions = {}): string | null {
  const context = buildContext(facts, options.parameters ?? DEFAULT_PARAMETERS);
  const waived = new Set<string>(options.waived ?? []);
  const rules = rulesFor(
    packsFor(facts.debtor.jurisdiction),
    facts.action.kind,
    context.transactional,
  ).filter((rule) => rule.effect !== 'warn' && !waived.has(rule.id));
  const now = parseInstant(facts.now);
  const failingAt = (at: number) => {
    const moment = { at, day: context.calendar.dayOf(at) };
    return rules.filter((rule) => rule.check(context, moment) !== null);
  };
  let from = now;
  let failing = failingAt(from);
  const lasting = failing.filter((rule) => !rule.timing);
  if (lasting.length > 0) {
    const ends = lasting.map((rule) => rule.lapsesAt?.(context) ?? null);
    if (ends.some((end) => end === null || end <= now)) return null;
    from = Math.max(...(ends as number[]));
    failing = failingAt(from);
    if (failing.some((rule) => !rule.timing)) return null;
  }
  if (failing.length === 0) return formatInstant(from);
  // The rules that fail at `from` are the likeliest to fail later too: trying them first ends most searches early.
  const ordered: Rule[] = [...failing, ...rules.filter((rule) => !failing.includes(rule))];
  const next = findNextAllowed(context, ordered, from);
  return next === null ? null : formatInstant(next);
}
