import { initTRPC } from '@trpc/server';
import { AppError, isDatabaseUnavailable, RETRY_AFTER_SECONDS } from '../errors.ts';
import { logger } from '../logger.ts';
import type { Context, ProcedureMeta } from './context.ts';

export const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    errorFormatter({ shape, error }) {
      if (isDatabaseUnavailable(error)) {
        return {
          ...shape,
          message:
            'The database is not answering right now. Please try again in a few seconds; if you were saving, check first whether it was saved.',
          data: {
            code: 'SERVICE_UNAVAILABLE' as const,
            httpStatus: 503,
            appCode: 'UNAVAILABLE' as const,
            details: { retryAfterSeconds: RETRY_AFTER_SECONDS },
            fieldErrors: null,
          },
        };
      }
      const internal = error.code === 'INTERNAL_SERVER_ERROR';
      if (internal) logger.error({ err: error.cause ?? error }, 'unhandled error in procedure');
      const appError = error instanceof AppError ? error : null;
      return {
        ...shape,
        // Internals never leak: the stack and the database's words stay in the log.
        message: internal
          ? 'Something went wrong on our side. Nothing was changed; please try again.'
          : shape.message,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          appCode: appError?.appCode ?? null,
          details: appError?.details ?? null,
          fieldErrors: (appError?.details?.fieldErrors as Record<string, string[]> | undefined) ?? null,
        },
      };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
