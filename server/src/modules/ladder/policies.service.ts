import { errorMessage } from '@arrears/shared/errors/messages';
import type { SessionUser } from '@arrears/shared/schemas/auth';
import {
  DEFAULT_LADDER_POLICY,
  type LadderPolicyView,
  type RollRunView,
  type RollSummary,
  type updateLadderPolicyInput,
} from '@arrears/shared/schemas/ladder';
import { asc, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database, Executor } from '../../db/client.ts';
import { ladderPolicies, portfolios, rollRuns } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';

/** Every portfolio's ladder policy: its own, or the defaults it uses. */
export async function listLadderPolicies(db: Executor): Promise<LadderPolicyView[]> {
  const rows = await db
    .select({ portfolio: portfolios, policy: ladderPolicies })
    .from(portfolios)
    .leftJoin(ladderPolicies, eq(ladderPolicies.portfolioId, portfolios.id))
    .orderBy(asc(portfolios.name));
  return rows.map(({ portfolio, policy }) => ({
    portfolioId: portfolio.id,
    portfolioName: portfolio.name,
    agentFromDays: policy?.agentFromDays ?? DEFAULT_LADDER_POLICY.agentFromDays,
    agencyFromDays: policy?.agencyFromDays ?? DEFAULT_LADDER_POLICY.agencyFromDays,
    legalFromDays: policy?.legalFromDays ?? DEFAULT_LADDER_POLICY.legalFromDays,
    custom: policy !== null,
    updatedAt: policy?.updatedAt.toISOString() ?? null,
  }));
}

/** An admin sets a portfolio's thresholds; the next nightly roll applies them. Audited with before and after. */
export async function updateLadderPolicy(
  db: Database,
  {
    user,
    input,
    now,
    ip,
  }: { user: SessionUser; input: z.output<typeof updateLadderPolicyInput>; now: Date; ip: string | null },
): Promise<LadderPolicyView> {
  await db.transaction(async (tx) => {
    const [portfolio] = await tx.select().from(portfolios).where(eq(portfolios.id, input.portfolioId));
    if (!portfolio) throw new AppError('NOT_FOUND', errorMessage('portfolio.notFound'));
    const [current] = await tx
      .select()
      .from(ladderPolicies)
      .where(eq(ladderPolicies.portfolioId, input.portfolioId))
      .for('update');
    const values = { ...input.policy, updatedBy: user.id, updatedAt: now };
    await tx
      .insert(ladderPolicies)
      .values({ portfolioId: input.portfolioId, ...values })
      .onConflictDoUpdate({ target: ladderPolicies.portfolioId, set: values });
    const { agentFromDays, agencyFromDays, legalFromDays } = current ?? DEFAULT_LADDER_POLICY;
    await recordAudit(tx, {
      actorId: user.id,
      action: 'ladder_policy.update',
      entityType: 'portfolio',
      entityId: input.portfolioId,
      before: { agentFromDays, agencyFromDays, legalFromDays, custom: current !== undefined },
      after: input.policy,
      ip,
    });
  });
  const all = await listLadderPolicies(db);
  return all.find((p) => p.portfolioId === input.portfolioId)!;
}

/** The latest nightly rolls, newest first, with what each did. */
export async function listRollRuns(db: Executor, limit: number): Promise<RollRunView[]> {
  const rows = await db.select().from(rollRuns).orderBy(desc(rollRuns.runDate)).limit(limit);
  return rows.map((r) => ({
    runDate: r.runDate,
    status: r.status,
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
    asOf: r.asOf.toISOString(),
    summary: (r.summary as RollSummary | null) ?? null,
    error: r.error,
  }));
}
