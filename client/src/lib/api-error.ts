import { displayReason, MESSAGE_TABLES } from '@arrears/shared/compliance/reasons/render';
import type { Language } from '@arrears/shared/domain/language';
import { isErrorMessageCode, renderErrorMessage } from '@arrears/shared/errors/messages';
import {
  type ApiErrorData,
  apiErrorData,
  type ErrorDetails,
  type MessageRef,
  type RefusalVerdict,
} from '@arrears/shared/schemas/api-error';
import { TRPCClientError } from '@trpc/client';
import { currentLanguage } from '../i18n/current-language.ts';

/**
 * What the dashboard needs from a failed call, read once from the shared error contract
 * (shared/src/schemas/api-error.ts): the server's message, its codes, the per-field messages by dotted path and,
 * for a compliance refusal, the verdict. Messages are in the dashboard's language: the server's English as sent,
 * or its codes rendered from the shared catalogue (shared/src/errors/messages.ts).
 */
export interface ApiErrorInfo {
  message: string;
  /** tRPC's code (BAD_REQUEST, FORBIDDEN…). */
  code: string | undefined;
  httpStatus: number | undefined;
  fieldErrors: Partial<Record<string, string[]>>;
  /** The server's own code (BLOCKED_BY_RULE, STALE_VERSION…), finer than `code`. */
  appCode: string | undefined;
  details: ErrorDetails | undefined;
  /** The verdict a BLOCKED_BY_RULE refusal carries: the server's decision, which is the one that counts. */
  verdict: RefusalVerdict | undefined;
}

export function readApiError(error: unknown, language: Language = currentLanguage()): ApiErrorInfo {
  const message = error instanceof Error ? error.message : String(error);
  const parsed = error instanceof TRPCClientError ? apiErrorData.safeParse(error.data) : undefined;
  if (!parsed?.success) {
    // Not an answer of this server (the network, a proxy's page): the words are all there is.
    return {
      message,
      code: undefined,
      httpStatus: undefined,
      fieldErrors: {},
      appCode: undefined,
      details: undefined,
      verdict: undefined,
    };
  }
  const { code, httpStatus, appCode, details } = parsed.data;
  const verdict = appCode === 'BLOCKED_BY_RULE' ? details?.verdict : undefined;
  const local = language === 'en' ? null : translated(parsed.data, verdict, language);
  return {
    message: local?.message ?? message,
    code,
    httpStatus,
    fieldErrors: local?.fieldErrors ?? parsed.data.fieldErrors,
    appCode: appCode ?? undefined,
    details: details ?? undefined,
    verdict,
  };
}

/**
 * The refusal's message and field problems in `language`, from their codes. A problem without a code this build
 * knows keeps the server's English; the whole message puts the field's translated problem (or the rule's reason,
 * when the compliance engine speaks the language) in place of the English one it was sent with.
 */
function translated(
  data: ApiErrorData,
  verdict: RefusalVerdict | undefined,
  language: Language,
): { message: string | undefined; fieldErrors: Record<string, string[]> } {
  const render = (ref: MessageRef | undefined) =>
    ref && isErrorMessageCode(ref.code)
      ? renderErrorMessage({ code: ref.code, params: ref.params }, language)
      : undefined;
  const fieldErrors = Object.fromEntries(
    Object.entries(data.fieldErrors).map(([path, english]) => {
      const refs = data.fieldMessages[path] ?? [];
      return [path, english.map((text, i) => render(refs[i]) ?? text)];
    }),
  );
  if (data.messageCode === null) return { message: undefined, fieldErrors };
  const params = { ...data.messageParams };
  const field = data.messageCode === 'input.invalidField' ? String(params.field) : undefined;
  if (field !== undefined && fieldErrors[field]?.[0]) params.problem = fieldErrors[field][0];
  const first = verdict?.violations[0];
  if (data.messageCode === 'compliance.blocked' && first && Object.hasOwn(MESSAGE_TABLES, language)) {
    params.reason = displayReason(first, language as keyof typeof MESSAGE_TABLES);
  }
  return { message: render({ code: data.messageCode, params }), fieldErrors };
}

/** A 4xx answer will not change by asking again: bad input, not signed in, not allowed, throttled. */
export function isClientError(error: unknown): boolean {
  const { httpStatus } = readApiError(error);
  return httpStatus !== undefined && httpStatus >= 400 && httpStatus < 500;
}
