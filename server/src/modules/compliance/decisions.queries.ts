import type { Verdict } from '@arrears/shared/compliance/engine';
import type { ComplianceFacts } from '@arrears/shared/compliance/facts';
import { RULESET_VERSION } from '@arrears/shared/compliance/packs';
import type { ActionKind, DecisionOutcome } from '@arrears/shared/domain/enums';
import type { DecisionView } from '@arrears/shared/schemas/compliance';
import { and, desc, eq, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client.ts';
import { complianceDecisions, users } from '../../db/schema/index.ts';

/** An override stays usable this long after a supervisor grants it. */
export const OVERRIDE_HOURS = 24;

/** The rules a decision was made under: the engine's version plus the portfolio's parameter version. */
export function stampedVersion(portfolioParametersVersion: number): string {
  return `${RULESET_VERSION}+p${portfolioParametersVersion}`;
}

export interface DecisionRecord {
  caseId: string;
  debtorId: string;
  actorId: string | null;
  actionKind: ActionKind;
  contactPointId: string | null;
  outcome: DecisionOutcome;
  verdict: Pick<Verdict, 'allowed' | 'violations' | 'warnings' | 'nextAllowedAt'>;
  /** The facts the engine saw, or for an override grant `{ override: … }`. */
  facts: ComplianceFacts | { override: Record<string, unknown> };
  rulesetVersion: string;
  /** Defaults to the ids of the violations and warnings; an override grant names the rules it waives. */
  ruleIds?: string[];
  overrideReason?: string | null;
  overridesDecisionId?: number | null;
  evaluatedAt: Date;
}

/** Appends one decision (the table refuses updates and deletes) and returns its id. */
export async function insertDecision(db: Executor, record: DecisionRecord): Promise<number> {
  const { verdict } = record;
  const [row] = await db
    .insert(complianceDecisions)
    .values({
      caseId: record.caseId,
      debtorId: record.debtorId,
      actorId: record.actorId,
      actionKind: record.actionKind,
      contactPointId: record.contactPointId,
      outcome: record.outcome,
      allowed: record.outcome === 'allowed' || record.outcome === 'overridden',
      violations: [...verdict.violations],
      warnings: [...verdict.warnings],
      ruleIds: record.ruleIds ?? [...verdict.violations, ...verdict.warnings].map((hit) => hit.ruleId),
      nextAllowedAt: verdict.nextAllowedAt === null ? null : new Date(verdict.nextAllowedAt),
      facts: record.facts as Record<string, unknown>,
      rulesetVersion: record.rulesetVersion,
      overrideReason: record.overrideReason ?? null,
      overridesDecisionId: record.overridesDecisionId ?? null,
      evaluatedAt: record.evaluatedAt,
    })
    .returning({ id: complianceDecisions.id });
  return row!.id;
}

export interface OverrideGrant {
  decisionId: number;
  actionKind: ActionKind;
  ruleIds: string[];
  reason: string;
}

/**
 * A supervisor's overrides for this case (and action kind, unless null) granted in the last 24 hours, newest
 * first. A grant is an `overridden` row whose facts hold `override`; decisions that used one hold real facts.
 */
export async function activeOverrides(
  db: Executor,
  caseId: string,
  actionKind: ActionKind | null,
  now: Date,
): Promise<OverrideGrant[]> {
  const since = new Date(now.getTime() - OVERRIDE_HOURS * 3_600_000);
  // Plain SQL rather than the query builder: read on every preview and guarded action, where building and
  // mapping a drizzle select cost several times the statement itself.
  const rows = await queryRows<{
    id: string | number;
    action_kind: ActionKind;
    rule_ids: string[];
    override_reason: string | null;
  }>(
    db,
    sql`select id, action_kind, rule_ids, override_reason from ${complianceDecisions}
        where case_id = ${caseId} and evaluated_at > ${since.toISOString()}::timestamptz
          and evaluated_at <= ${now.toISOString()}::timestamptz
          ${actionKind === null ? sql`` : sql`and action_kind = ${actionKind}`}
          and outcome = 'overridden' and facts -> 'override' is not null
        order by evaluated_at desc, id desc`,
  );
  return rows.map((row) => ({
    decisionId: Number(row.id),
    actionKind: row.action_kind,
    ruleIds: row.rule_ids,
    reason: row.override_reason ?? '',
  }));
}

/** The latest blocked decision of this kind on the case: what a new override answers. */
export async function latestBlocked(
  db: Executor,
  caseId: string,
  actionKind: ActionKind,
): Promise<number | null> {
  const [row] = await db
    .select({ id: complianceDecisions.id })
    .from(complianceDecisions)
    .where(
      and(
        eq(complianceDecisions.caseId, caseId),
        eq(complianceDecisions.actionKind, actionKind),
        eq(complianceDecisions.outcome, 'blocked'),
      ),
    )
    .orderBy(desc(complianceDecisions.evaluatedAt), desc(complianceDecisions.id))
    .limit(1);
  return row?.id ?? null;
}

/** The case's decisions, newest first, with who made them; the facts stay in the table for replay. */
export async function listDecisions(db: Executor, caseId: string, limit: number): Promise<DecisionView[]> {
  const rows = await db
    .select({ decision: complianceDecisions, actorName: users.name })
    .from(complianceDecisions)
    .leftJoin(users, eq(users.id, complianceDecisions.actorId))
    .where(eq(complianceDecisions.caseId, caseId))
    .orderBy(desc(complianceDecisions.evaluatedAt), desc(complianceDecisions.id))
    .limit(limit);
  return rows.map(({ decision: d, actorName }) => ({
    id: d.id,
    actionKind: d.actionKind,
    outcome: d.outcome,
    allowed: d.allowed,
    actorId: d.actorId,
    actorName,
    contactPointId: d.contactPointId,
    violations: d.violations as DecisionView['violations'],
    warnings: d.warnings as DecisionView['warnings'],
    ruleIds: d.ruleIds,
    nextAllowedAt: d.nextAllowedAt?.toISOString() ?? null,
    rulesetVersion: d.rulesetVersion,
    overrideReason: d.overrideReason,
    overridesDecisionId: d.overridesDecisionId,
    evaluatedAt: d.evaluatedAt.toISOString(),
  }));
}
