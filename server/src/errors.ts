import type { TRPC_ERROR_CODE_KEY } from '@trpc/server';
import { TRPCError } from '@trpc/server';

/**
 * The errors a user can cause, each mapped to one tRPC/HTTP code in one place. Services throw these;
 * anything else that escapes is a bug and answers INTERNAL_SERVER_ERROR without details.
 */
export const APP_ERROR_CODES = {
  INVALID_INPUT: 'BAD_REQUEST',
  UNAUTHENTICATED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  STALE_VERSION: 'CONFLICT',
  TOO_MANY_ATTEMPTS: 'TOO_MANY_REQUESTS',
  BLOCKED_BY_RULE: 'UNPROCESSABLE_CONTENT',
  PRECONDITION_FAILED: 'PRECONDITION_FAILED',
} as const satisfies Record<string, TRPC_ERROR_CODE_KEY>;

export type AppErrorCode = keyof typeof APP_ERROR_CODES;

export class AppError extends TRPCError {
  readonly appCode: AppErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(appCode: AppErrorCode, message: string, details?: Record<string, unknown>) {
    super({ code: APP_ERROR_CODES[appCode], message });
    this.appCode = appCode;
    this.details = details;
  }
}

/** Out-of-scope and missing look the same, so ids cannot be probed. */
export function caseNotFound(): AppError {
  return new AppError('NOT_FOUND', 'Case not found');
}
