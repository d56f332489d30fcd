import type { SessionUser } from '@arrears/shared/schemas/auth';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/client.ts';
import { auditEvents, cases } from '../../server/src/db/schema/index.ts';
import { buildCase, buildPortfolio, buildTeam, buildUser, key } from './support/builders.ts';
import { callerFor } from './support/caller.ts';
import { createTestDatabase } from './support/db.ts';

const NOW = new Date('2026-11-11T17:00:00Z');

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

async function world() {
  const db = handle.db;
  const team = await buildTeam(db);
  const otherTeam = await buildTeam(db);
  const ann = await buildUser(db, 'agent', { teamId: team.id, name: 'Ann' });
  const ben = await buildUser(db, 'agent', { teamId: team.id, name: 'Ben' });
  const stranger = await buildUser(db, 'agent', { teamId: otherTeam.id });
  const supervisor = await buildUser(db, 'supervisor', { supervises: [team.id] });
  const otherSupervisor = await buildUser(db, 'supervisor', { supervises: [otherTeam.id] });
  const portfolio = await buildPortfolio(db);
  const make = (
    agent: SessionUser | null,
    teamId = team.id,
    extra: Partial<typeof cases.$inferInsert> = {},
  ) => buildCase(db, { portfolioId: portfolio.id, teamId, assignedAgentId: agent?.id ?? null, ...extra });
  const annCases = [
    await make(ann, team.id, { bucket: 'dpd_31_60', daysPastDue: 40 }),
    await make(ann, team.id, { bucket: 'dpd_61_90', daysPastDue: 70 }),
    await make(ann, team.id, { bucket: 'dpd_61_90', daysPastDue: 75 }),
  ];
  const pooled = await make(null);
  const foreign = await make(stranger, otherTeam.id);
  const as = (user: SessionUser) => callerFor(db, user, { now: NOW }).caller;
  return { team, otherTeam, ann, ben, stranger, supervisor, otherSupervisor, annCases, pooled, foreign, as };
}

const agentsOf = async (ids: string[]) =>
  Object.fromEntries(
    (
      await handle.db
        .select({ id: cases.id, agent: cases.assignedAgentId, version: cases.version })
        .from(cases)
        .where(inArray(cases.id, ids))
    ).map((r) => [r.id, r]),
  );

describe('team reassignment', () => {
  it('shows the team’s agents with case counts and filters its cases', async () => {
    const w = await world();
    const sup = w.as(w.supervisor);
    const [overview] = await sup.team.overview();
    expect(overview).toMatchObject({ id: w.team.id, poolCases: 1 });
    expect(overview!.agents.map((a) => [a.name, a.activeCases])).toEqual([
      ['Ann', 3],
      ['Ben', 0],
    ]);
    const filtered = await sup.team.cases({ teamId: w.team.id, agentId: w.ann.id, bucket: 'dpd_61_90' });
    expect(filtered.rows.map((r) => r.id)).toEqual([w.annCases[2]!.id, w.annCases[1]!.id]);
    expect(filtered).toMatchObject({ total: 2, totalCapped: false });
    const older = await sup.team.cases({ teamId: w.team.id, bucket: 'dpd_31_60' });
    expect(older.rows.map((r) => r.id)).toEqual([w.annCases[0]!.id]);
    const pool = await sup.team.cases({ teamId: w.team.id, agentId: 'pool' });
    expect(pool.rows.map((r) => r.id)).toEqual([w.pooled.id]);
  });

  it('moves cases to another agent of the team in one audited write, and the queues follow', async () => {
    const w = await world();
    const moving = [w.annCases[0]!.id, w.annCases[1]!.id, w.pooled.id];
    const before = await agentsOf(moving);
    const result = await w
      .as(w.supervisor)
      .team.reassign({ idempotencyKey: key(), teamId: w.team.id, caseIds: moving, toAgentId: w.ben.id });
    expect(result).toEqual({ moved: 3, unchanged: 0 });
    const after = await agentsOf(moving);
    for (const id of moving) {
      expect(after[id]).toMatchObject({ agent: w.ben.id, version: before[id]!.version + 1 });
    }
    const audit = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'case.reassign'), inArray(auditEvents.entityId, moving)));
    expect(audit).toHaveLength(3);
    expect(audit.find((a) => a.entityId === w.annCases[0]!.id)).toMatchObject({
      actorId: w.supervisor.id,
      caseId: w.annCases[0]!.id,
      entityType: 'case',
      before: { assignedAgentId: w.ann.id, teamId: w.team.id },
      after: { assignedAgentId: w.ben.id, teamId: w.team.id },
    });
    expect(audit.find((a) => a.entityId === w.pooled.id)?.before).toMatchObject({ assignedAgentId: null });

    const bensQueue = await w.as(w.ben).queues.list({ queue: 'mine' });
    expect(bensQueue.rows.map((r) => r.id).sort()).toEqual([...moving].sort());
    const annsQueue = await w.as(w.ann).queues.list({ queue: 'mine' });
    expect(annsQueue.rows.map((r) => r.id)).toEqual([w.annCases[2]!.id]);

    // Back to the pool; a case already there is left alone and not audited again.
    const toPool = await w.as(w.supervisor).team.reassign({
      idempotencyKey: key(),
      teamId: w.team.id,
      caseIds: [w.annCases[2]!.id],
      toAgentId: null,
    });
    expect(toPool).toEqual({ moved: 1, unchanged: 0 });
    const again = await w.as(w.supervisor).team.reassign({
      idempotencyKey: key(),
      teamId: w.team.id,
      caseIds: [w.annCases[2]!.id],
      toAgentId: null,
    });
    expect(again).toEqual({ moved: 0, unchanged: 1 });
    const poolQueue = await w.as(w.ann).queues.list({ queue: 'team_pool' });
    expect(poolQueue.rows.map((r) => r.id)).toContain(w.annCases[2]!.id);
  });

  it('is all or nothing: one case of another team in the batch and nothing moves', async () => {
    const w = await world();
    const batch = [w.annCases[0]!.id, w.annCases[1]!.id, w.foreign.id];
    const before = await agentsOf(batch);
    await expect(
      w
        .as(w.supervisor)
        .team.reassign({ idempotencyKey: key(), teamId: w.team.id, caseIds: batch, toAgentId: w.ben.id }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('nothing was moved') });
    expect(await agentsOf(batch)).toEqual(before);
    const audit = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'case.reassign'), inArray(auditEvents.entityId, batch)));
    expect(audit).toEqual([]);
  });

  it('refuses a target outside the team, another team’s supervisor, an agent and bad input', async () => {
    const w = await world();
    const ids = [w.annCases[0]!.id];
    const before = await agentsOf(ids);
    await expect(
      w
        .as(w.supervisor)
        .team.reassign({ idempotencyKey: key(), teamId: w.team.id, caseIds: ids, toAgentId: w.stranger.id }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('toAgentId') });
    await expect(
      w.as(w.supervisor).team.reassign({
        idempotencyKey: key(),
        teamId: w.team.id,
        caseIds: ids,
        toAgentId: w.supervisor.id,
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const outsider = w.as(w.otherSupervisor);
    await expect(
      outsider.team.reassign({ idempotencyKey: key(), teamId: w.team.id, caseIds: ids, toAgentId: w.ben.id }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // Their own team as the target team does not reach our cases either.
    await expect(
      outsider.team.reassign({
        idempotencyKey: key(),
        teamId: w.otherTeam.id,
        caseIds: ids,
        toAgentId: w.stranger.id,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(outsider.team.cases({ teamId: w.team.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await outsider.team.overview()).map((t) => t.id)).toEqual([w.otherTeam.id]);
    await expect(
      w
        .as(w.ann)
        .team.reassign({ idempotencyKey: key(), teamId: w.team.id, caseIds: ids, toAgentId: w.ann.id }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      w
        .as(w.supervisor)
        .team.reassign({ idempotencyKey: key(), teamId: w.team.id, caseIds: [], toAgentId: w.ben.id }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      w.as(w.supervisor).team.reassign({
        idempotencyKey: key(),
        teamId: w.team.id,
        caseIds: [ids[0]!, ids[0]!],
        toAgentId: w.ben.id,
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await agentsOf(ids)).toEqual(before);
  });
});
