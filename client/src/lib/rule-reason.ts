import { displayReason, type StoredReason } from '@arrears/shared/compliance/reasons/render';
import { type Language, languageOfTag } from '@arrears/shared/domain/language';
import { useTranslation } from 'react-i18next';

/** The interface language as the rule engine speaks it (English for any it does not). */
export function useRuleLanguage(): Language {
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
