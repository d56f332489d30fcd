import type { MessageTable, Reason, ReasonCode } from './codes.ts';
import { EN } from './en.ts';

/**
 * The one way a reason becomes text. Tables are keyed by reason code; English is the only one today, and a
 * Chinese table of the same type slots in beside it.
 */
export const MESSAGE_TABLES = { en: EN } as const satisfies Record<string, MessageTable>;
export type ReasonLanguage = keyof typeof MESSAGE_TABLES;

export function renderReason(reason: Reason, language: ReasonLanguage = 'en'): string {
  const message = MESSAGE_TABLES[language][reason.code] as (params: Reason['params']) => string;
  return message(reason.params);
}

function isReasonCode(code: unknown): code is ReasonCode {
  return typeof code === 'string' && Object.hasOwn(EN, code);
}

/** A hit as stored or sent: new ones carry `reasonCode` and `reasonParams`, older ones only the English `reason`. */
export interface StoredReason {
  readonly reason?: string | null;
  readonly reasonCode?: string | null;
  readonly reasonParams?: Readonly<Record<string, unknown>> | null;
}

/**
 * The text of a stored or transmitted reason in `language`: rendered from its code when it has one this build
 * knows, else the English text it was stored with (decisions recorded before reasons had codes).
 */
export function displayReason(stored: StoredReason, language: ReasonLanguage = 'en'): string {
  if (isReasonCode(stored.reasonCode) && stored.reasonParams != null) {
    try {
      return renderReason({ code: stored.reasonCode, params: stored.reasonParams } as Reason, language);
    } catch {
      // Parameters that do not fit the message (a code whose shape changed): the stored text still reads right.
    }
  }
  return stored.reason ?? '';
}
