import {
  displayReason,
  MESSAGE_TABLES,
  type ReasonLanguage,
  type StoredReason,
} from '@arrears/shared/compliance/reasons/render';
import { useTranslation } from 'react-i18next';

/**
 * Every place that shows why a rule refused an action, or why a queue row cannot be worked now, renders it here,
 * in the interface language when the engine has a message table for it (English otherwise). A reason stored
 * before reasons had codes shows its English text.
 */
export function useRuleReason(): (hit: StoredReason) => string {
  const { i18n } = useTranslation();
  const language = reasonLanguage(i18n.language);
  return (hit) => displayReason(hit, language);
}

/** The language reasons are rendered in under interface language `language`: the one switch for every screen. */
export function reasonLanguage(language: string): ReasonLanguage {
  return Object.hasOwn(MESSAGE_TABLES, language) ? (language as ReasonLanguage) : 'en';
}
