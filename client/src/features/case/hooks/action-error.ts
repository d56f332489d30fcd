import type { RuleHitView } from '@arrears/shared/schemas/compliance';
import { TRPCClientError } from '@trpc/client';
import { type ApiErrorInfo, readApiError } from '../../../lib/api-error.ts';

/** The verdict a BLOCKED_BY_RULE refusal carries: the server's decision, which is the one that counts. */
export interface BlockedVerdict {
  violations: RuleHitView[];
  warnings: RuleHitView[];
  nextAllowedAt: string | null;
}

export interface ActionFailure extends ApiErrorInfo {
  /** The server's own code (BLOCKED_BY_RULE, STALE_VERSION…), finer than the HTTP-level `code`. */
  appCode: string | undefined;
  blocked: BlockedVerdict | null;
}

/** What a failed case action tells the agent: the message, field problems and, when refused by a rule, why. */
export function readActionError(error: unknown): ActionFailure {
  const info = readApiError(error);
  const data: unknown = error instanceof TRPCClientError ? error.data : undefined;
  const appCode = isRecord(data) && typeof data.appCode === 'string' ? data.appCode : undefined;
  const details = isRecord(data) && isRecord(data.details) ? data.details : undefined;
  const verdict = details && isRecord(details.verdict) ? details.verdict : undefined;
  const blocked =
    appCode === 'BLOCKED_BY_RULE' && verdict
      ? {
          violations: ruleHits(verdict.violations),
          warnings: ruleHits(verdict.warnings),
          nextAllowedAt: typeof verdict.nextAllowedAt === 'string' ? verdict.nextAllowedAt : null,
        }
      : null;
  return { ...info, fieldErrors: withMessageField(info), appCode, blocked };
}

/**
 * Services phrase a bad value as "field: what is wrong" without a field map; the form shows such a message
 * beside its field too. A zod failure already comes with its map.
 */
function withMessageField(info: ApiErrorInfo): ApiErrorInfo['fieldErrors'] {
  if (Object.keys(info.fieldErrors).length > 0 || info.code !== 'BAD_REQUEST') return info.fieldErrors;
  const match = /^([A-Za-z][\w.]*): (.+)$/s.exec(info.message);
  return match?.[1] && match[2] ? { [match[1]]: [match[2]] } : {};
}

function ruleHits(value: unknown): RuleHitView[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (hit): hit is RuleHitView =>
      isRecord(hit) &&
      typeof hit.ruleId === 'string' &&
      typeof hit.reason === 'string' &&
      typeof hit.source === 'string',
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
