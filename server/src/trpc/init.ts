import { initTRPC } from '@trpc/server';
import { AppError } from '../errors.ts';
import { logger } from '../logger.ts';
import type { Context } from './context.ts';

export const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
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
