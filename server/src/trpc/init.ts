import { type ErrorMessage, errorMessage, renderErrorMessage } from '@arrears/shared/errors/messages';
import type { ApiErrorData, ErrorDetails } from '@arrears/shared/schemas/api-error';
import { initTRPC, type TRPC_ERROR_CODE_KEY, type TRPCDefaultErrorShape, type TRPCError } from '@trpc/server';
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
    const unavailable = errorMessage('server.unavailable');
    return {
      message: renderErrorMessage(unavailable, 'en'),
      data: {
        code: 'SERVICE_UNAVAILABLE',
        httpStatus: 503,
        appCode: 'UNAVAILABLE',
        ...byCode(unavailable),
        fieldErrors: {},
        fieldMessages: {},
        details: { retryAfterSeconds: RETRY_AFTER_SECONDS },
      },
    };
  }
  const internal = error.code === 'INTERNAL_SERVER_ERROR';
  if (internal) logger.error({ err: error.cause ?? error }, 'unhandled error in procedure');
  const appError = error instanceof AppError ? error : null;
  const named = internal
    ? errorMessage('server.internal')
    : (appError?.messageRef ?? REQUEST_REFUSALS[shape.data.code as TRPC_ERROR_CODE_KEY]);
  return {
    message: internal && named ? renderErrorMessage(named, 'en') : shape.message,
    // Only these: tRPC's own `stack` and `path` stay out of the answer.
    data: {
      code: shape.data.code,
      httpStatus: shape.data.httpStatus,
      appCode: appError?.appCode ?? null,
      ...(named ? byCode(named) : { messageCode: null, messageParams: {} }),
      fieldErrors: appError?.details?.fieldErrors ?? {},
      fieldMessages: appError?.fieldMessages ?? {},
      // Read-only arrays on the server's side; the same JSON on the wire.
      details: (appError?.details as ErrorDetails | undefined) ?? null,
    },
  };
}

/**
 * tRPC's own refusals and those of the HTTP edge (server/src/http/limits.ts), which name no message: their code
 * says what kind of request it was, in any language; the English `message` keeps their particulars.
 */
const REQUEST_REFUSALS: Partial<Record<TRPC_ERROR_CODE_KEY, ErrorMessage>> = {
  PARSE_ERROR: errorMessage('request.malformed'),
  BAD_REQUEST: errorMessage('request.malformed'),
  PAYLOAD_TOO_LARGE: errorMessage('request.tooLarge'),
  METHOD_NOT_SUPPORTED: errorMessage('request.unsupported'),
  UNSUPPORTED_MEDIA_TYPE: errorMessage('request.unsupported'),
  NOT_FOUND: errorMessage('request.noSuchAddress'),
};

function byCode(message: ErrorMessage): Pick<ApiErrorData, 'messageCode' | 'messageParams'> {
  return { messageCode: message.code, messageParams: { ...message.params } };
}

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
