import type { Language } from '../../domain/language.ts';
import type { MessageTable, Reason, ReasonCode } from './codes.ts';
import { EN } from './en.ts';
import { ZH } from './zh.ts';

/**
 * The one way a reason becomes text. Each language has a table keyed by reason code (a table missing a code,
 * or a language missing its table, fails the typecheck); verdicts store the code and parameters, so a reader
 * sees any decision in their own language.
 */
export const MESSAGE_TABLES = { en: EN, zh: ZH } as const satisfies Record<Language, MessageTable>;

export function renderReason(reason: Reason, language: Language = 'en'): string {
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
export function displayReason(stored: StoredReason, language: Language = 'en'): string {
  if (isReasonCode(stored.reasonCode) && stored.reasonParams != null) {
    try {
      return renderReason({ code: stored.reasonCode, params: stored.reasonParams } as Reason, language);
    } catch {
      // Parameters that do not fit the message (a code whose shape changed): the stored text still reads right.
    }
  }
  return stored.reason ?? '';
}
