import { BUCKET_LIMITS } from '@arrears/shared/domain/buckets';
import type { Bucket } from '@arrears/shared/domain/enums';
import { errorMessage } from '@arrears/shared/errors/messages';
import type { SessionUser } from '@arrears/shared/schemas/auth';
import {
  TEAM_COUNT_CAP,
  type TeamCasesOutput,
  type TeamOverview,
  type teamCasesInput,
  type teamReassignInput,
} from '@arrears/shared/schemas/supervision';
import { and, asc, between, count, desc, eq, gte, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database, Executor } from '../../db/client.ts';
import { rowExists } from '../../db/row-exists.ts';
import { cases, teams, users } from '../../db/schema/index.ts';
import { AppError, invalidField } from '../../errors.ts';
import { recordAudits } from '../audit/audit.service.ts';
import { caseScope, caseSummaryColumns, selectCases } from '../cases/cases.service.ts';

type Reassigner = SessionUser & { role: 'supervisor' | 'admin' };

/** The teams a user may rearrange: a supervisor's own, every team for an admin. */
async function teamsOf(db: Executor, user: Reassigner) {
  if (user.role === 'supervisor' && user.teamIds.length === 0) return [];
  return db
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(user.role === 'supervisor' ? inArray(teams.id, user.teamIds) : sql`true`)
    .orderBy(asc(teams.name));
}

function assertTeam(user: Reassigner, teamId: string) {
  if (user.role === 'supervisor' && !user.teamIds.includes(teamId)) {
    throw new AppError('NOT_FOUND', errorMessage('team.notFound'));
  }
}

/** Each team with its agents and how many active cases each holds, and the size of its pool. */
export async function teamOverview(db: Executor, user: Reassigner): Promise<TeamOverview> {
  const mine = await teamsOf(db, user);
  if (mine.length === 0) return [];
  const teamIds = mine.map((t) => t.id);
  const [agents, counts] = await Promise.all([
    db
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        active: users.active,
        teamId: users.teamId,
      })
      .from(users)
      .where(and(eq(users.role, 'agent'), inArray(users.teamId, teamIds)))
      .orderBy(asc(users.name)),
    db
      .select({ teamId: cases.teamId, agentId: cases.assignedAgentId, n: count() })
      .from(cases)
      .where(and(eq(cases.status, 'active'), inArray(cases.teamId, teamIds)))
      .groupBy(cases.teamId, cases.assignedAgentId),
  ]);
  const countOf = (teamId: string, agentId: string | null) =>
    counts.find((c) => c.teamId === teamId && c.agentId === agentId)?.n ?? 0;
  return mine.map((team) => ({
    id: team.id,
    name: team.name,
    poolCases: countOf(team.id, null),
    agents: agents
      .filter((a) => a.teamId === team.id)
      .map((a) => ({
        id: a.id,
        name: a.name,
        email: a.email,
        active: a.active,
        activeCases: countOf(team.id, a.id),
      })),
  }));
}

/**
 * The bucket as its range of days past due too: the same rows, but the planner can then walk cases_dpd_idx in
 * the list's order instead of sorting every case of the bucket.
 */
function bucketRange(bucket: Bucket): SQL {
  const index = BUCKET_LIMITS.findIndex(([, name]) => name === bucket);
  const last = BUCKET_LIMITS.at(-1)?.[0] ?? 0;
  if (index < 0) return gte(cases.daysPastDue, last + 1) as SQL; // the open-ended last bucket
  const low = index === 0 ? 0 : (BUCKET_LIMITS[index - 1]?.[0] ?? 0) + 1;
  return between(cases.daysPastDue, low, BUCKET_LIMITS[index]?.[0] ?? low) as SQL;
}

/** One page of a team's active cases, filtered by agent (or the pool), bucket and stage. */
export async function teamCases(
  db: Executor,
  user: Reassigner,
  input: z.output<typeof teamCasesInput>,
): Promise<TeamCasesOutput> {
  assertTeam(user, input.teamId);
  const parts: SQL[] = [caseScope(user), eq(cases.teamId, input.teamId), eq(cases.status, 'active')];
  if (input.agentId === 'pool') parts.push(isNull(cases.assignedAgentId));
  else if (input.agentId) parts.push(eq(cases.assignedAgentId, input.agentId));
  if (input.bucket) parts.push(eq(cases.bucket, input.bucket), bucketRange(input.bucket));
  if (input.stage) parts.push(eq(cases.stage, input.stage));
  const where = and(...parts);
  const [rows, [totalRow]] = await Promise.all([
    selectCases(db, {
      id: cases.id,
      ...caseSummaryColumns,
      bucket: cases.bucket,
      agentId: cases.assignedAgentId,
      agentName: users.name,
    })
      .leftJoin(users, eq(users.id, cases.assignedAgentId))
      .where(where)
      .orderBy(desc(cases.daysPastDue), asc(cases.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ n: count() }).from(
      db
        .select({ one: sql`1` })
        .from(cases)
        .where(where)
        .limit(TEAM_COUNT_CAP + 1)
        .as('capped'),
    ),
  ]);
  const counted = totalRow?.n ?? 0;
  return {
    rows: rows.map(({ agentId, agentName, ...row }) => ({
      ...row,
      assignedAgent: agentId === null ? null : { id: agentId, name: agentName ?? '' },
    })),
    total: Math.min(counted, TEAM_COUNT_CAP),
    totalCapped: counted > TEAM_COUNT_CAP,
    page: input.page,
    pageSize: input.pageSize,
  };
}

/**
 * Moves cases of one team to another agent of that team, or to its pool, all or nothing: every case must be in
 * the team and in the caller's scope, or nothing moves. Each moved case is audited with its agent before and
 * after, its version bumped (an agent holding the old screen gets a stale-version refusal) and any claim on it
 * released. Queues follow by themselves: a queue is a live filter on `assigned_agent_id`, and neither the
 * workable instant nor the priority depends on who holds the case, so nothing needs recomputing.
 */
export async function reassignCases(
  db: Database,
  options: { user: Reassigner; input: z.output<typeof teamReassignInput>; now: Date; ip: string | null },
): Promise<{ moved: number; unchanged: number }> {
  const { user, input, now, ip } = options;
  assertTeam(user, input.teamId);
  return db.transaction(async (tx) => {
    const [team] = await tx.select({ id: teams.id }).from(teams).where(eq(teams.id, input.teamId));
    if (!team) throw new AppError('NOT_FOUND', errorMessage('team.notFound'));
    if (input.toAgentId !== null) {
      const agent = await rowExists(
        tx,
        users,
        eq(users.id, input.toAgentId),
        eq(users.role, 'agent'),
        eq(users.active, true),
        eq(users.teamId, input.teamId),
      );
      if (!agent) throw invalidField('toAgentId', errorMessage('team.notActiveAgent'));
    }
    // Locked in id order, so two reassignments over overlapping cases cannot deadlock.
    const found = await tx
      .select({ id: cases.id, assignedAgentId: cases.assignedAgentId })
      .from(cases)
      .where(and(inArray(cases.id, input.caseIds), caseScope(user), eq(cases.teamId, input.teamId)))
      .orderBy(asc(cases.id))
      .for('update');
    if (found.length !== input.caseIds.length) {
      const missing = input.caseIds.length - found.length;
      throw new AppError('NOT_FOUND', errorMessage('team.casesNotInTeam', { count: missing }), {
        missing: input.caseIds.filter((id) => !found.some((row) => row.id === id)),
      });
    }
    const moving = found.filter((row) => row.assignedAgentId !== input.toAgentId);
    if (moving.length === 0) return { moved: 0, unchanged: found.length };
    await tx
      .update(cases)
      .set({
        assignedAgentId: input.toAgentId,
        claimedBy: null,
        claimExpiresAt: null,
        version: sql`${cases.version} + 1`,
        updatedAt: now,
      })
      .where(
        inArray(
          cases.id,
          moving.map((row) => row.id),
        ),
      );
    // One statement for the whole batch, one event per case.
    await recordAudits(
      tx,
      moving.map((row) => ({
        actorId: user.id,
        action: 'case.reassign',
        entityType: 'case',
        entityId: row.id,
        caseId: row.id,
        before: { assignedAgentId: row.assignedAgentId, teamId: input.teamId },
        after: { assignedAgentId: input.toAgentId, teamId: input.teamId },
        ip,
      })),
    );
    return { moved: moving.length, unchanged: found.length - moving.length };
  });
}
