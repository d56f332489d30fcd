import { TRPCClientError } from '@trpc/client';

/** What the dashboard needs from a failed call: the server's message, its code and any per-field messages. */
export interface ApiErrorInfo {
  message: string;
  code: string | undefined;
  httpStatus: number | undefined;
  fieldErrors: Partial<Record<string, string[]>>;
}

export function readApiError(error: unknown): ApiErrorInfo {
  if (error instanceof TRPCClientError) {
    const data: unknown = error.data;
    const fields = isRecord(data) && isRecord(data.fieldErrors) ? data.fieldErrors : {};
    return {
      message: error.message,
      code: isRecord(data) && typeof data.code === 'string' ? data.code : undefined,
      httpStatus: isRecord(data) && typeof data.httpStatus === 'number' ? data.httpStatus : undefined,
      fieldErrors: Object.fromEntries(
        Object.entries(fields).filter((entry): entry is [string, string[]] => Array.isArray(entry[1])),
      ),
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { message, code: undefined, httpStatus: undefined, fieldErrors: {} };
}

/** A 4xx answer will not change by asking again: bad input, not signed in, not allowed, throttled. */
export function isClientError(error: unknown): boolean {
  const { httpStatus } = readApiError(error);
  return httpStatus !== undefined && httpStatus >= 400 && httpStatus < 500;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
