import { displayReason, MESSAGE_TABLES, type StoredReason } from '@arrears/shared/compliance/reasons/render';
import { useTranslation } from 'react-i18next';

/**
 * Every place that shows why a rule refused an action renders it here, in the interface language when the
 * engine has a message table for it (English otherwise). A reason stored before reasons had codes shows its
 * English text.
 */
export function useRuleReason(): (hit: StoredReason) => string {
  const { i18n } = useTranslation();
  const language = Object.hasOwn(MESSAGE_TABLES, i18n.language)
    ? (i18n.language as keyof typeof MESSAGE_TABLES)
    : 'en';
  return (hit) => displayReason(hit, language);
}
