import { errorMessage } from '@arrears/shared/errors/messages';
import type { SessionUser } from '@arrears/shared/schemas/auth';
import type { RuleHitView } from '@arrears/shared/schemas/compliance';
import type { DecisionDetail, ReviewView } from '@arrears/shared/schemas/oversight';
import { and, eq, inArray } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client.ts';
import {
  cases,
  complianceDecisions,
  contactLog,
  contactPoints,
  debtors,
  reviews,
  users,
} from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { maskedLabel } from '../case-core/case-core.service.ts';
import { caseScope } from '../cases/cases.service.ts';
import { type ReviewedColumn, reviewsStatement } from './audit.statements.ts';

export function decisionNotFound(): AppError {
  return new AppError('NOT_FOUND', errorMessage('review.decisionNotFound'));
}

type DecisionRow = typeof complianceDecisions.$inferSelect;

/** How far the override chain is followed each way; a real chain is blocked → grant → use, three links. */
const CHAIN_STEPS = 6;

/**
 * One decision with the facts the engine saw, its violations and warnings with their sources, the override chain
 * around it (the blocked attempt a grant answered, the grant, the decisions that used it), the contact recorded
 * under it and its reviews, newest first. Out of scope answers NOT_FOUND, like a missing id.
 */
export async function decisionDetail(db: Executor, user: SessionUser, id: number): Promise<DecisionDetail> {
  const [row] = await db
    .select({ decision: complianceDecisions, accountRef: cases.accountRef, debtorName: debtors.fullName })
    .from(complianceDecisions)
    .innerJoin(cases, eq(cases.id, complianceDecisions.caseId))
    .innerJoin(debtors, eq(debtors.id, complianceDecisions.debtorId))
    .where(and(eq(complianceDecisions.id, id), caseScope(user)));
  if (!row) throw decisionNotFound();
  const d = row.decision;
  const [chain, contact, reviewList, actor, pointNames] = await Promise.all([
    overrideChain(db, d),
    db
      .select({ id: contactLog.id })
      .from(contactLog)
      .where(eq(contactLog.decisionId, d.id))
      .orderBy(contactLog.id)
      .limit(1),
    reviewsOf(db, reviews.decisionId, d.id),
    d.actorId
      ? db.select({ name: users.name }).from(users).where(eq(users.id, d.actorId))
      : Promise.resolve([]),
    contactPointNames(db, d.debtorId, d.facts),
  ]);
  return {
    id: d.id,
    caseId: d.caseId,
    accountRef: row.accountRef,
    debtorName: row.debtorName,
    actorId: d.actorId,
    actorName: actor[0]?.name ?? null,
    actionKind: d.actionKind,
    outcome: d.outcome,
    violations: d.violations as RuleHitView[],
    warnings: d.warnings as RuleHitView[],
    ruleIds: d.ruleIds,
    nextAllowedAt: d.nextAllowedAt?.toISOString() ?? null,
    rulesetVersion: d.rulesetVersion,
    overrideReason: d.overrideReason,
    evaluatedAt: d.evaluatedAt.toISOString(),
    facts: d.facts,
    factNames: { ...pointNames, [d.caseId]: row.accountRef },
    overrideChain: chain,
    contactId: contact[0]?.id ?? null,
    reviews: reviewList,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The debtor's contact points named in the facts, by id: each one's label or masked value, never the value. */
async function contactPointNames(
  db: Executor,
  debtorId: string,
  facts: Record<string, unknown>,
): Promise<Record<string, string>> {
  const listed = Array.isArray(facts.contactPoints) ? (facts.contactPoints as Array<{ id?: unknown }>) : [];
  const ids = listed
    .map((point) => point.id)
    .filter((id): id is string => typeof id === 'string' && UUID.test(id));
  if (ids.length === 0) return {};
  const points = await db
    .select()
    .from(contactPoints)
    .where(and(eq(contactPoints.debtorId, debtorId), inArray(contactPoints.id, ids)));
  return Object.fromEntries(points.map((point) => [point.id, maskedLabel(point)]));
}

/** Up the `overridesDecisionId` links, then down to the decisions pointing at any link; older first. */
async function overrideChain(db: Executor, start: DecisionRow): Promise<DecisionDetail['overrideChain']> {
  const found = new Map<number, DecisionRow>([[start.id, start]]);
  let up = start.overridesDecisionId;
  for (let step = 0; up !== null && step < CHAIN_STEPS && !found.has(up); step++) {
    const [parent] = await db.select().from(complianceDecisions).where(eq(complianceDecisions.id, up));
    if (!parent || parent.caseId !== start.caseId) break;
    found.set(parent.id, parent);
    up = parent.overridesDecisionId;
  }
  let frontier = [...found.keys()];
  for (let step = 0; frontier.length > 0 && step < CHAIN_STEPS; step++) {
    const children = await db
      .select()
      .from(complianceDecisions)
      .where(
        and(
          inArray(complianceDecisions.overridesDecisionId, frontier),
          eq(complianceDecisions.caseId, start.caseId),
        ),
      )
      .limit(50);
    frontier = [];
    for (const child of children) {
      if (found.has(child.id)) continue;
      found.set(child.id, child);
      frontier.push(child.id);
    }
  }
  if (found.size === 1) return [];
  const actorIds = [...new Set([...found.values()].map((d) => d.actorId).filter((x): x is string => !!x))];
  const names = new Map(
    actorIds.length === 0
      ? []
      : (
          await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, actorIds))
        ).map((u) => [u.id, u.name]),
  );
  return [...found.values()]
    .sort((a, b) => a.evaluatedAt.getTime() - b.evaluatedAt.getTime() || a.id - b.id)
    .map((d) => ({
      id: d.id,
      outcome: d.outcome,
      actorName: d.actorId ? (names.get(d.actorId) ?? null) : null,
      ruleIds: d.ruleIds,
      overrideReason: d.overrideReason,
      grant: 'override' in d.facts,
      at: d.evaluatedAt.toISOString(),
    }));
}

/** Every review of a decision or contact, newest (current) first. */
export async function reviewsOf(db: Executor, of: ReviewedColumn, id: number): Promise<ReviewView[]> {
  const rows = await queryRows<{
    id: string | number;
    reviewer_id: string;
    reviewer_name: string;
    note: string;
    at: string;
  }>(db, reviewsStatement(of, id));
  return rows.map((r) => ({
    id: Number(r.id),
    reviewerId: r.reviewer_id,
    reviewerName: r.reviewer_name,
    note: r.note,
    at: r.at,
  }));
}
