import { displaySource } from '@arrears/shared/compliance/rules/registry';
import type { Localized } from '@arrears/shared/domain/language';
import { useRuleLanguage } from './rule-reason.ts';

/**
 * Rule texts beyond the reason, in the interface language. Apart from rule-reason.ts because they read the rule
 * registry, which the queue (reasons only) does not need to load.
 */

/** The legal source beside a reason. */
export function useRuleSource(): (hit: { ruleId: string; source: string }) => string {
  const language = useRuleLanguage();
  return (hit) => displaySource(hit, language);
}

/** Catalog text declared in every language (rule descriptions, sources, pack names, parameter labels). */
export function useLocalizedText(): (text: Localized) => string {
  const language = useRuleLanguage();
  return (text) => text[language];
}
