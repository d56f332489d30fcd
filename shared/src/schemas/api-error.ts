import { z } from 'zod';
import { verdictView } from './compliance.ts';

/**
 * The API's error contract: what every refusal carries in `error.data`, written once by the server's error
 * formatter and read once by the dashboard (client/src/lib/api-error.ts). The message itself stays readable on its
 * own, in English ("dueAt: a callback must be in the future"); nothing needs to take it apart. Beside it the same
 * message by code and parameters (shared/src/errors/messages.ts), which the dashboard renders in its user's
 * language, and so for each field problem.
 */

/** The server's own codes for what a user can cause; the server maps each to one HTTP status. */
export const APP_ERROR_CODES = [
  'INVALID_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'STALE_VERSION',
  'TOO_MANY_ATTEMPTS',
  'BLOCKED_BY_RULE',
  'PRECONDITION_FAILED',
  /** The database is not answering (restarting, failing over, unreachable): the request may be retried. */
  'UNAVAILABLE',
] as const;
export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

/**
 * What is wrong, field by field, keyed by the field's dotted path in the request (`body`, `installments.2.dueDate`,
 * `overrides.US-REGF-7IN7.maxCalls`); `input` when the request as a whole is wrong.
 */
export const fieldErrorsSchema = z.record(z.string(), z.array(z.string()));
export type FieldErrors = z.infer<typeof fieldErrorsSchema>;

/** A message of the error catalogue (shared/src/errors/messages.ts) by code, with its parameters. */
export const messageRef = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type MessageRef = z.infer<typeof messageRef>;

/** The problems of `fieldErrors` by code, path by path and in the same order. */
export const fieldMessagesSchema = z.record(z.string(), z.array(messageRef));

/** The verdict a BLOCKED_BY_RULE refusal carries: the server's decision, the one that counts. */
export const refusalVerdict = verdictView.partial({ override: true });
export type RefusalVerdict = z.infer<typeof refusalVerdict>;

/** The particulars a refusal may add, each named by the refusal that sets it. */
export const namedErrorDetails = z.object({
  fieldErrors: fieldErrorsSchema.optional(),
  /** BLOCKED_BY_RULE: the verdict and the stored decision that refused. */
  verdict: refusalVerdict.optional(),
  decisionId: z.number().int().optional(),
  /** TOO_MANY_ATTEMPTS, UNAVAILABLE: when asking again may work (also sent as `Retry-After`). */
  retryAfterSeconds: z.number().optional(),
  retryAt: z.string().optional(),
  /** STALE_VERSION: the version the record has now. */
  currentVersion: z.number().int().optional(),
});
/** The named particulars, and any other a refusal adds, untyped. */
export const errorDetails = namedErrorDetails.catchall(z.unknown());
export type ErrorDetails = z.infer<typeof errorDetails>;

export const apiErrorData = z.object({
  /** tRPC's code (BAD_REQUEST, FORBIDDEN…), one per HTTP status. */
  code: z.string(),
  httpStatus: z.number().int(),
  /** The server's own, finer code (STALE_VERSION, BLOCKED_BY_RULE…); null for an error no service named. */
  appCode: z.enum(APP_ERROR_CODES).nullable(),
  /** The message by code and parameters; null for an error no service named (tRPC's own, or the transport's). */
  messageCode: z.string().nullable(),
  messageParams: messageRef.shape.params,
  /** Always present; empty when no field is to blame. In English, like `message`. */
  fieldErrors: fieldErrorsSchema,
  /** The same problems by code, for the reader's language. */
  fieldMessages: fieldMessagesSchema,
  details: errorDetails.nullable(),
});
export type ApiErrorData = z.infer<typeof apiErrorData>;

/** The whole of `error` in a JSON answer that refused: a message a person can read, and the data above. */
export const apiError = z.object({ message: z.string(), data: apiErrorData });
export type ApiError = z.infer<typeof apiError>;
