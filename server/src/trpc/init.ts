import type { ApiErrorData, ErrorDetails } from '@arrears/shared/schemas/api-error';
import { initTRPC, type TRPCDefaultErrorShape, type TRPCError } from '@trpc/server';
import { AppError, isDatabaseUnavailable, RETRY_AFTER_SECONDS } from '../errors.ts';
import { logger } from '../logger.ts';
import type { Context, ProcedureMeta } from './context.ts';

export const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    errorFormatter({ shape, error }) {
      return { ...shape, ...refusal(shape, error) };
    },
  });

/**
 * The one place a refusal becomes the shared error contract (shared/src/schemas/api-error.ts): a readable message
 * and `data` with the codes, the field errors by path and the refusal's particulars. Internals never leak: the
 * stack and the database's words stay in the log.
 */
function refusal(
  shape: TRPCDefaultErrorShape,
  error: TRPCError,
): { message: string; data: ApiErrorData & { code: TRPCDefaultErrorShape['data']['code'] } } {
  if (isDatabaseUnavailable(error)) {
    return {
      message:
        'The database is not answering right now. Please try again in a few seconds; if you were saving, check first whether it was saved.',
      data: {
        code: 'SERVICE_UNAVAILABLE',
        httpStatus: 503,
        appCode: 'UNAVAILABLE',
        fieldErrors: {},
        details: { retryAfterSeconds: RETRY_AFTER_SECONDS },
      },
    };
  }
  const internal = error.code === 'INTERNAL_SERVER_ERROR';
  if (internal) logger.error({ err: error.cause ?? error }, 'unhandled error in procedure');
  const appError = error instanceof AppError ? error : null;
  return {
    message: internal
      ? 'Something went wrong on our side. Nothing was changed; please try again.'
      : shape.message,
    // Only these: tRPC's own `stack` and `path` stay out of the answer.
    data: {
      code: shape.data.code,
      httpStatus: shape.data.httpStatus,
      appCode: appError?.appCode ?? null,
      fieldErrors: appError?.details?.fieldErrors ?? {},
      // Read-only arrays on the server's side; the same JSON on the wire.
      details: (appError?.details as ErrorDetails | undefined) ?? null,
    },
  };
}

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
