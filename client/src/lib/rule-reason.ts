import { displayReason, type StoredReason } from '@arrears/shared/compliance/reasons/render';
import { displaySource } from '@arrears/shared/compliance/rules/registry';
import { type Language, type Localized, languageOfTag } from '@arrears/shared/domain/language';
import { useTranslation } from 'react-i18next';

/** The interface language as the rule engine speaks it (English for any it does not). */
function useRuleLanguage(): Language {
  const { i18n } = useTranslation();
  return languageOfTag(i18n.language);
}

/**
 * Every place that shows why a rule refused an action renders it here, in the interface language. A reason
 * stored before reasons had codes shows its English text.
 */
export function useRuleReason(): (hit: StoredReason) => string {
  const language = useRuleLanguage();
  return (hit) => displayReason(hit, language);
}

/** The legal source beside a reason, in the interface language. */
export function useRuleSource(): (hit: { ruleId: string; source: string }) => string {
  const language = useRuleLanguage();
  return (hit) => displaySource(hit, language);
}

/** Catalog text declared in every language (rule descriptions, sources, pack names), in the interface language. */
export function useLocalizedText(): (text: Localized) => string {
  const language = useRuleLanguage();
  return (text) => text[language];
}
