import type { Language } from '../../domain/language.ts';
import type { ActionKind } from '../actions.ts';
import type { Rule } from '../define-rule.ts';
import { type JurisdictionPack, RULES } from '../pack-data.ts';

export { RULE_IDS, RULES, type RuleId } from '../pack-data.ts';

const byId = new Map<string, Rule>(RULES.map((rule) => [rule.id, rule]));

export function ruleById(ruleId: string): Rule | undefined {
  return byId.get(ruleId);
}

/**
 * A hit's legal source in `language`. English is the text stored with the decision; another language reads the
 * rule's own source, or the stored text for a rule this build no longer has.
 */
export function displaySource(
  hit: { readonly ruleId: string; readonly source: string },
  language: Language,
): string {
  if (language === 'en') return hit.source;
  return ruleById(hit.ruleId)?.source[language] ?? hit.source;
}

// The same few pack combinations recur on every evaluation; packsFor returns shared arrays, so key on them.
const selections = new WeakMap<readonly JurisdictionPack[], Map<ActionKind, readonly Rule[]>>();
const transactionalSelections = new WeakMap<readonly JurisdictionPack[], Map<ActionKind, readonly Rule[]>>();

/**
 * The rules of `packs` that apply to an action kind, in catalog order; for a transactional message only those that
 * judge one (docs/compliance/CATALOG.md, principle 12).
 */
export function rulesFor(
  packs: readonly JurisdictionPack[],
  kind: ActionKind,
  transactional = false,
): readonly Rule[] {
  const cache = transactional ? transactionalSelections : selections;
  let byKind = cache.get(packs);
  if (byKind === undefined) {
    byKind = new Map();
    cache.set(packs, byKind);
  }
  let rules = byKind.get(kind);
  if (rules === undefined) {
    const inPacks = new Set<Rule>(packs.flatMap((pack): readonly Rule[] => pack.rules));
    rules = RULES.filter(
      (rule) =>
        inPacks.has(rule) && rule.appliesTo.includes(kind) && (!transactional || rule.transactional === true),
    );
    byKind.set(kind, rules);
  }
  return rules;
}
