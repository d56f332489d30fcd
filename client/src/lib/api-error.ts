import { apiErrorData, type ErrorDetails, type RefusalVerdict } from '@arrears/shared/schemas/api-error';
import { TRPCClientError } from '@trpc/client';

/**
 * What the dashboard needs from a failed call, read once from the shared error contract
 * (shared/src/schemas/api-error.ts): the server's message, its codes, the per-field messages by dotted path and,
 * for a compliance refusal, the verdict.
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

export function readApiError(error: unknown): ApiErrorInfo {
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
  const { code, httpStatus, appCode, fieldErrors, details } = parsed.data;
  return {
    message,
    code,
    httpStatus,
    fieldErrors,
    appCode: appCode ?? undefined,
    details: details ?? undefined,
    verdict: appCode === 'BLOCKED_BY_RULE' ? details?.verdict : undefined,
  };
}

/** A 4xx answer will not change by asking again: bad input, not signed in, not allowed, throttled. */
export function isClientError(error: unknown): boolean {
  const { httpStatus } = readApiError(error);
  return httpStatus !== undefined && httpStatus >= 400 && httpStatus < 500;
}
