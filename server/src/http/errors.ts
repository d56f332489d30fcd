import { getTRPCErrorShape, TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { logger } from '../logger.ts';
import { appRouter } from '../trpc/router.ts';

/**
 * Answers `error` in the API's JSON error contract: the shape of tRPC's own errors (`{ error: { message, code,
 * data: { code, httpStatus, appCode, … } } }`), built by the same formatter, so the dashboard reads a refusal at the
 * HTTP edge exactly like one from a procedure, and internals stay in the log.
 */
export function sendError(res: Response, error: TRPCError, headers: Record<string, string> = {}): void {
  const shape = getTRPCErrorShape({
    config: appRouter._def._config,
    error,
    type: 'unknown',
    path: undefined,
    input: undefined,
    ctx: undefined,
  });
  // A refusal that says when to come back (a database outage, a limit) says it in `Retry-After` too.
  const retryAfter = shape.data.details?.retryAfterSeconds;
  const retry: Record<string, string> =
    typeof retryAfter === 'number' ? { 'retry-after': String(retryAfter) } : {};
  res
    .status(shape.data.httpStatus)
    .set({ ...retry, ...headers })
    .json({ error: shape });
}

/** Anything not served above: JSON, never Express's HTML page. */
export const notFound: RequestHandler = (_req, res) => {
  sendError(res, new TRPCError({ code: 'NOT_FOUND', message: 'There is nothing at this address.' }));
};

/**
 * The last handler: every error that reaches Express (a malformed URL, a refused body, a bug) answers the JSON
 * contract. A client error keeps its status and, when safe to show, its message; anything else is
 * INTERNAL_SERVER_ERROR, logged whole by the error formatter and answered without its words or stack.
 */
export const errorHandler: ErrorRequestHandler = (err: unknown, req, res, next) => {
  if (res.headersSent) {
    // Too late for a JSON answer: Express's own handler closes the connection.
    next(err);
    return;
  }
  if (err instanceof TRPCError) {
    sendError(res, err);
    return;
  }
  const status = statusOf(err);
  if (status < 400 || status >= 500) {
    sendError(res, new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: err }));
    return;
  }
  logger.info({ status, method: req.method, url: req.originalUrl.slice(0, 200) }, 'request refused');
  const exposed = err instanceof Error && (err as { expose?: unknown }).expose === true;
  sendError(
    res,
    new TRPCError({
      code: CODE_BY_STATUS.get(status) ?? 'BAD_REQUEST',
      message: exposed ? (err as Error).message : 'The request is malformed.',
    }),
  );
};

/** The HTTP status an error from Express or its middleware carries (http-errors sets `status`). */
function statusOf(err: unknown): number {
  if (typeof err !== 'object' || err === null) return 500;
  const { status, statusCode } = err as { status?: unknown; statusCode?: unknown };
  const value = status ?? statusCode;
  return typeof value === 'number' ? value : 500;
}

const CLIENT_ERROR_CODES: TRPC_ERROR_CODE_KEY[] = [
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'METHOD_NOT_SUPPORTED',
  'TIMEOUT',
  'CONFLICT',
  'PRECONDITION_FAILED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'UNPROCESSABLE_CONTENT',
  'TOO_MANY_REQUESTS',
];
const CODE_BY_STATUS = new Map(
  CLIENT_ERROR_CODES.map((code) => [getHTTPStatusCodeFromError(new TRPCError({ code })), code] as const),
);
