import { isLegalRule } from '@arrears/shared/compliance/engine';
import { ruleById } from '@arrears/shared/compliance/rules/registry';
import { errorMessage } from '@arrears/shared/errors/messages';
import type { SessionUser } from '@arrears/shared/schemas/auth';
import type { OverrideInput } from '@arrears/shared/schemas/compliance';
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { portfolios } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findCaseInScope } from '../case-core/case-core.service.ts';
import { insertDecision, latestBlocked, OVERRIDE_HOURS, stampedVersion } from './decisions.queries.ts';

/**
 * A supervisor waives agency policy (POL-*) or acknowledges warnings for one case and action kind, with a
 * written reason, for the next 24 hours. Kept as an `overridden` decision (pointing at the latest blocked
 * attempt it answers) plus an audit event. Rules of law are refused whoever asks.
 */
export async function grantOverride(
  db: Database,
  options: { user: SessionUser; input: OverrideInput; now: Date; ip: string | null },
): Promise<{ decisionId: number; expiresAt: string }> {
  const { user, input, now } = options;
  return db.transaction(async (tx) => {
    const caseRow = await findCaseInScope(tx, user, input.caseId);
    const ruleIds = [...new Set(input.ruleIds)];
    const legal = ruleIds.filter(isLegalRule);
    if (legal.length > 0) {
      throw new AppError('FORBIDDEN', errorMessage('override.ruleOfLaw', { ruleIds: legal.join(', ') }));
    }
    const unrelated = ruleIds.filter((id) => !ruleById(id)?.appliesTo.includes(input.actionKind));
    if (unrelated.length > 0) {
      throw new AppError(
        'INVALID_INPUT',
        errorMessage('override.notApplicable', {
          ruleIds: unrelated.join(', '),
          actionKind: input.actionKind,
        }),
      );
    }
    const [portfolio] = await tx
      .select({ version: portfolios.ruleParametersVersion })
      .from(portfolios)
      .where(eq(portfolios.id, caseRow.portfolioId));
    const expiresAt = new Date(now.getTime() + OVERRIDE_HOURS * 3_600_000).toISOString();
    const decisionId = await insertDecision(tx, {
      caseId: caseRow.id,
      debtorId: caseRow.debtorId,
      actorId: user.id,
      actionKind: input.actionKind,
      contactPointId: null,
      outcome: 'overridden',
      verdict: { allowed: true, violations: [], warnings: [], nextAllowedAt: null },
      facts: { override: { ruleIds, reason: input.reason, expiresAt } },
      ruleIds,
      rulesetVersion: stampedVersion(portfolio?.version ?? 1),
      overrideReason: input.reason,
      overridesDecisionId: await latestBlocked(tx, caseRow.id, input.actionKind),
      evaluatedAt: now,
    });
    await recordAudit(tx, {
      actorId: user.id,
      action: 'compliance.override',
      entityType: 'compliance_decision',
      entityId: String(decisionId),
      caseId: caseRow.id,
      after: { actionKind: input.actionKind, ruleIds, reason: input.reason, expiresAt },
      ip: options.ip,
    });
    return { decisionId, expiresAt };
  });
}
