import type { RuleHitView } from '@arrears/shared/schemas/compliance';
import { type ApiErrorInfo, readApiError } from '../../../lib/api-error.ts';

/** The verdict a BLOCKED_BY_RULE refusal carries: the server's decision, which is the one that counts. */
export interface BlockedVerdict {
  violations: RuleHitView[];
  warnings: RuleHitView[];
  nextAllowedAt: string | null;
}

export interface ActionFailure extends ApiErrorInfo {
  blocked: BlockedVerdict | null;
}

/** What a failed case action tells the agent: the message, field problems and, when refused by a rule, why. */
export function readActionError(error: unknown): ActionFailure {
  const info = readApiError(error);
  const blocked = info.verdict
    ? {
        violations: info.verdict.violations,
        warnings: info.verdict.warnings,
        nextAllowedAt: info.verdict.nextAllowedAt,
      }
    : null;
  return { ...info, blocked };
}
