import { type ErrorMessage, errorMessage, renderErrorMessage } from '@arrears/shared/errors/messages';
import { issueMessage } from '@arrears/shared/errors/zod-issues';
import type {
  AppErrorCode,
  FieldErrors,
  namedErrorDetails,
  RefusalVerdict,
} from '@arrears/shared/schemas/api-error';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server';
import { TRPCError } from '@trpc/server';
import type { ZodError, z } from 'zod';

/**
 * The errors a user can cause (the codes of the shared error contract), each mapped to one tRPC/HTTP code in one
 * place. Services throw these; anything else that escapes is a bug and answers INTERNAL_SERVER_ERROR without details.
 */
const HTTP_CODE_OF = {
  INVALID_INPUT: 'BAD_REQUEST',
  UNAUTHENTICATED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  STALE_VERSION: 'CONFLICT',
  TOO_MANY_ATTEMPTS: 'TOO_MANY_REQUESTS',
  BLOCKED_BY_RULE: 'UNPROCESSABLE_CONTENT',
  PRECONDITION_FAILED: 'PRECONDITION_FAILED',
  UNAVAILABLE: 'SERVICE_UNAVAILABLE',
} as const satisfies Record<AppErrorCode, TRPC_ERROR_CODE_KEY>;

/** The particulars a refusal carries (the contract's `details`), the verdict as read-only as the engine hands it. */
export type AppErrorDetails = Omit<z.infer<typeof namedErrorDetails>, 'verdict'> & {
  verdict?: Omit<RefusalVerdict, 'violations' | 'warnings'> & {
    violations: readonly RefusalVerdict['violations'][number][];
    warnings: readonly RefusalVerdict['warnings'][number][];
  };
} & Record<string, unknown>;

/** Each bad field's problems by code (shared/src/errors/messages.ts), keyed by the field's dotted path. */
export type FieldMessages = Record<string, ErrorMessage[]>;

/**
 * A refusal a user caused. Its message is a code of the shared catalogue with parameters: the English text
 * becomes the error's `message` (logs, API callers) and the code travels beside it, so the dashboard says the
 * same in its user's language.
 */
export class AppError extends TRPCError {
  readonly appCode: AppErrorCode;
  readonly messageRef: ErrorMessage;
  readonly details: AppErrorDetails | undefined;
  readonly fieldMessages: FieldMessages;

  constructor(
    appCode: AppErrorCode,
    message: ErrorMessage,
    details?: AppErrorDetails,
    fieldMessages: FieldMessages = {},
  ) {
    super({ code: HTTP_CODE_OF[appCode], message: renderErrorMessage(message, 'en') });
    this.appCode = appCode;
    this.messageRef = message;
    this.details = details;
    this.fieldMessages = fieldMessages;
  }
}

/**
 * A bad value the schema could not see (it needs the case, the clock or the database): the message names the
 * field as a person reads it ("dueAt: a callback must be in the future"), and `fieldErrors` carries the same
 * problem keyed by the field's path, so a form can show it beside the field without taking the message apart.
 */
export function invalidField(field: string, problem: ErrorMessage, details?: AppErrorDetails): AppError {
  return invalidFields({ [field]: [problem] }, details);
}

/** Several bad fields at once: the message names the first, `fieldErrors` carries them all. */
export function invalidFields(problems: FieldMessages, details?: AppErrorDetails): AppError {
  return invalidFieldsIn(englishOf(problems), problems, details);
}

/** Field problems by code as the English `fieldErrors`. */
export function englishOf(problems: FieldMessages): FieldErrors {
  return Object.fromEntries(
    Object.entries(problems).map(([field, messages]) => [
      field,
      messages.map((message) => renderErrorMessage(message, 'en')),
    ]),
  );
}

/**
 * Bad fields whose English is given apart from their codes (Zod's own words, or the schema's, stay the English
 * of an input's problem): `fieldErrors` and `fieldMessages` hold the same problems, path by path.
 */
export function invalidFieldsIn(
  fieldErrors: FieldErrors,
  fieldMessages: FieldMessages,
  details?: AppErrorDetails,
): AppError {
  const [field, problems] = Object.entries(fieldErrors)[0] ?? ['input', ['invalid']];
  return new AppError(
    'INVALID_INPUT',
    errorMessage('input.invalidField', { field, problem: problems[0] ?? 'invalid' }),
    { ...details, fieldErrors },
    fieldMessages,
  );
}

/**
 * A failed schema validation as INVALID_INPUT: the schema's own words stay the English of each problem; its code
 * and parameters go beside them (tRPC procedures and the HTTP APIs beside tRPC alike).
 */
export function invalidInput(error: ZodError): AppError {
  const fieldErrors: FieldErrors = {};
  const fieldMessages: FieldMessages = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || 'input';
    fieldErrors[key] = [...(fieldErrors[key] ?? []), issue.message];
    fieldMessages[key] = [...(fieldMessages[key] ?? []), issueMessage(issue)];
  }
  return invalidFieldsIn(fieldErrors, fieldMessages);
}

/** Out-of-scope and missing look the same, so ids cannot be probed. */
export function caseNotFound(): AppError {
  return new AppError('NOT_FOUND', errorMessage('case.notFound'));
}

/** How long a client should wait before retrying a request the database could not serve. */
export const RETRY_AFTER_SECONDS = 2;

/**
 * postgres.js's own codes for a connection that went away, the socket errors of one that could not be made, and the
 * server's "shutting down / starting up" and connection-exception (class 08) SQLSTATEs.
 */
const CONNECTION_LOST = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_DESTROYED',
  'CONNECTION_ENDED',
  'CONNECT_TIMEOUT',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  '57P01', // admin_shutdown: the server is stopping (pg_ctl stop/restart -m fast)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up or shutting down
]);

/**
 * True when an error (or any error it wraps: drizzle and tRPC wrap the driver's) says the database could not be
 * reached, as opposed to refusing the statement. The one place that decides what "retry later" means.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (CONNECTION_LOST.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
