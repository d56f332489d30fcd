import type { SessionUser } from '@arrears/shared/schemas/auth';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/client.ts';
import * as s from '../../server/src/db/schema/index.ts';
import { refreshAllWorkability } from '../../server/src/modules/queues/workability-roll.ts';
import {
  buildCase,
  buildContact,
  buildContactPoint,
  buildDebtor,
  buildDispute,
  buildPortfolio,
  buildTeam,
  buildUser,
  caseAndQueue,
  setQueueValues,
} from './support/builders.ts';
import { callerFor } from './support/caller.ts';
import { createTestDatabase } from './support/db.ts';

/** Wednesday 2026-11-11, 12:00 in New York. */
const NOW = new Date('2026-11-11T17:00:00Z');
const minutes = (m: number) => new Date(NOW.getTime() + m * 60_000);

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

/** A team with two agents and cases in New York, each with a consenting mobile, judged at NOW. */
async function floor(cases: Record<string, { balance: number; owner: 'agent' | 'teammate' | 'pool' }>) {
  const db = handle.db;
  const team = await buildTeam(db);
  const agent = await buildUser(db, 'agent', { teamId: team.id });
  const teammate = await buildUser(db, 'agent', { teamId: team.id });
  const portfolio = await buildPortfolio(db);
  const ids: Record<string, string> = {};
  for (const [key, { balance, owner }] of Object.entries(cases)) {
    const debtor = await buildDebtor(db, { explicitTimeZone: 'America/New_York' });
    await buildContactPoint(db, debtor.id, { kind: 'mobile' });
    const row = await buildCase(db, {
      portfolioId: portfolio.id,
      teamId: team.id,
      debtorId: debtor.id,
      balanceMinor: balance,
      assignedAgentId: owner === 'agent' ? agent.id : owner === 'teammate' ? teammate.id : null,
    });
    ids[key] = row.id;
  }
  const judge = () => refreshAllWorkability(db, NOW);
  await judge();
  const next = (user: SessionUser, at = NOW) => callerFor(db, user, { now: at }).caller.queues.next();
  return { team, agent, teammate, ids, next, judge };
}

const caseRow = (id: string) => caseAndQueue(handle.db, id);

describe('next case', () => {
  it("takes the agent's own highest-priority workable case before a richer pool case", async () => {
    const { agent, ids, next } = await floor({
      small: { balance: 50_000, owner: 'agent' },
      large: { balance: 500_000, owner: 'agent' },
      pool: { balance: 5_000_000, owner: 'pool' },
    });
    const taken = await next(agent);
    expect(taken).toMatchObject({ caseId: ids.large, source: 'mine', nothing: null });
    expect(await caseRow(ids.large!)).toMatchObject({ claimedBy: agent.id, claimExpiresAt: minutes(15) });
  });

  it('skips own cases no call may reach now, and hands a different case on each press', async () => {
    const { agent, ids, next } = await floor({
      disputed: { balance: 9_000_000, owner: 'agent' },
      first: { balance: 500_000, owner: 'agent' },
      second: { balance: 50_000, owner: 'agent' },
    });
    await buildDispute(handle.db, ids.disputed!, { receivedAt: minutes(-60) });
    const pressed = [await next(agent), await next(agent), await next(agent)];
    expect(pressed.map((p) => p.caseId)).toEqual([ids.first, ids.second, null]);
  });

  it('takes from the team pool once own cases are held, assigning the case to the agent (audited)', async () => {
    const { agent, ids, next } = await floor({ pool: { balance: 50_000, owner: 'pool' } });
    const taken = await next(agent);
    expect(taken).toMatchObject({ caseId: ids.pool, source: 'team_pool' });
    expect(await caseRow(ids.pool!)).toMatchObject({
      assignedAgentId: agent.id,
      claimedBy: agent.id,
      version: 2,
    });
    const audit = await handle.db
      .select()
      .from(s.auditEvents)
      .where(and(eq(s.auditEvents.caseId, ids.pool!), eq(s.auditEvents.action, 'queue.claimFromPool')));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: agent.id, before: { assignedAgentId: null } });
  });

  it('never hands out a case someone else holds a live claim on, and hands it once the claim expired', async () => {
    const { agent, teammate, ids, next } = await floor({ held: { balance: 50_000, owner: 'agent' } });
    await handle.db
      .update(s.cases)
      .set({ claimedBy: teammate.id, claimExpiresAt: minutes(5) })
      .where(eq(s.cases.id, ids.held!));
    const passed = await next(agent);
    expect(passed).toMatchObject({
      caseId: null,
      nothing: { passedOver: { yours: 0, others: 1, closedSince: 0 } },
    });
    expect((await next(agent, minutes(6))).caseId).toBe(ids.held);
  });

  it('says it passed over the cases the agent already holds, which still look workable in the queue', async () => {
    const { agent, ids, next } = await floor({
      first: { balance: 500_000, owner: 'agent' },
      second: { balance: 50_000, owner: 'agent' },
    });
    expect((await next(agent)).caseId).toBe(ids.first);
    expect((await next(agent)).caseId).toBe(ids.second);
    expect(await next(agent)).toEqual({
      caseId: null,
      source: null,
      claimExpiresAt: null,
      nothing: {
        nextOpensAt: null,
        passedOver: { yours: 2, others: 0, closedSince: 0 },
        stillChecking: false,
      },
    });
  });

  it('says when the next case opens when nothing can be called now', async () => {
    const { agent, ids, next, judge } = await floor({ capped: { balance: 50_000, owner: 'agent' } });
    const row = await caseRow(ids.capped!);
    const [mobile] = await handle.db
      .select()
      .from(s.contactPoints)
      .where(eq(s.contactPoints.debtorId, row.debtorId));
    for (const d of [5, 6, 7, 8, 9, 10, 11]) {
      await buildContact(handle.db, row, {
        occurredAt: new Date(Date.UTC(2026, 10, d, 15)),
        contactPointId: mobile!.id,
      });
    }
    await judge();
    expect(await next(agent)).toEqual({
      caseId: null,
      source: null,
      claimExpiresAt: null,
      nothing: {
        nextOpensAt: '2026-11-12T13:00:00.000Z',
        passedOver: { yours: 0, others: 0, closedSince: 0 },
        stillChecking: false,
      },
    });
  });

  it('names the opening the queue rows show, judging first a case whose stored instant no judgement wrote', async () => {
    const { agent, ids, next } = await floor({ seeded: { balance: 50_000, owner: 'agent' } });
    // As the demo seed leaves a case: an instant of its own estimate (09:00 in New York) and no reason, which the
    // queue rows replace with the engine's live verdict (08:00).
    await setQueueValues(handle.db, ids.seeded!, {
      nextWorkableAt: new Date('2026-11-12T14:00:00Z'),
      blockedRuleId: null,
      blockedReasonCode: null,
    });
    const tenPmNewYork = new Date('2026-11-12T03:00:00Z');
    const rows = await callerFor(handle.db, agent, { now: tenPmNewYork }).caller.queues.list({
      queue: 'mine',
    });
    expect(rows.rows[0]).toMatchObject({ nextWorkableAt: '2026-11-12T13:00:00.000Z' });
    expect(await next(agent, tenPmNewYork)).toMatchObject({
      caseId: null,
      nothing: { nextOpensAt: '2026-11-12T13:00:00.000Z' },
    });
    expect(await caseRow(ids.seeded!)).toMatchObject({
      nextWorkableAt: new Date('2026-11-12T13:00:00Z'),
      blockedRuleId: 'US-REGF-TIME',
    });
  });

  it('hands out a case whose unexplained stored instant is later than the truth: judged, it is workable now', async () => {
    const { agent, ids, next } = await floor({ seeded: { balance: 50_000, owner: 'agent' } });
    // The demo seed's estimate says tomorrow 09:00 in New York; at noon today the engine allows a call now.
    await setQueueValues(handle.db, ids.seeded!, {
      nextWorkableAt: new Date('2026-11-12T14:00:00Z'),
      blockedRuleId: null,
      blockedReasonCode: null,
    });
    expect(await next(agent)).toMatchObject({ caseId: ids.seeded, nothing: null });
    expect(await caseRow(ids.seeded!)).toMatchObject({ nextWorkableAt: NOW, claimedBy: agent.id });
  });

  it('says so when no case can be reached by phone at all', async () => {
    const { agent, ids, next, judge } = await floor({ disputed: { balance: 50_000, owner: 'agent' } });
    await buildDispute(handle.db, ids.disputed!, { receivedAt: minutes(-60) });
    await judge();
    const result = await next(agent);
    expect(result).toMatchObject({ caseId: null, nothing: { nextOpensAt: null, stillChecking: false } });
  });

  it('re-judges a case whose calling window closed since it was stored, and does not hand it out', async () => {
    const { agent, ids, next } = await floor({
      evening: { balance: 50_000, owner: 'agent' },
      poolEvening: { balance: 40_000, owner: 'pool' },
    });
    expect((await caseRow(ids.evening!)).nextWorkableAt).toEqual(NOW);
    const tenPmNewYork = new Date('2026-11-12T03:00:00Z');
    const result = await next(agent, tenPmNewYork);
    // Both looked workable by their stored instant: the answer says the window closed on them since.
    expect(result).toMatchObject({
      caseId: null,
      nothing: { nextOpensAt: '2026-11-12T13:00:00.000Z', passedOver: { closedSince: 2 } },
    });
    expect((await caseRow(ids.evening!)).nextWorkableAt).toEqual(new Date('2026-11-12T13:00:00Z'));
    // The claims taken with the picks were rolled back: neither case is held, the pool case is still the pool's,
    // at its first version, and no move to the agent was audited.
    expect(await caseRow(ids.evening!)).toMatchObject({ claimedBy: null, claimExpiresAt: null });
    expect(await caseRow(ids.poolEvening!)).toMatchObject({
      claimedBy: null,
      assignedAgentId: null,
      version: 1,
    });
    const moves = await handle.db
      .select()
      .from(s.auditEvents)
      .where(
        and(eq(s.auditEvents.caseId, ids.poolEvening!), eq(s.auditEvents.action, 'queue.claimFromPool')),
      );
    expect(moves).toEqual([]);
  });
});

describe('releasing a claim', () => {
  it('lets the case be handed out again', async () => {
    const { agent, ids, next } = await floor({ only: { balance: 50_000, owner: 'agent' } });
    expect((await next(agent)).caseId).toBe(ids.only);
    expect((await next(agent)).caseId).toBeNull();
    const caller = callerFor(handle.db, agent, { now: NOW }).caller;
    expect(await caller.queues.release({ caseId: ids.only! })).toEqual({ released: true });
    expect(await caseRow(ids.only!)).toMatchObject({
      claimedBy: null,
      claimExpiresAt: null,
      assignedAgentId: agent.id,
    });
    expect((await next(agent)).caseId).toBe(ids.only);
  });

  it('refuses to release a claim the agent does not hold, and hides cases out of scope', async () => {
    const { agent, ids } = await floor({
      mine: { balance: 50_000, owner: 'agent' },
      theirs: { balance: 1, owner: 'teammate' },
    });
    const caller = callerFor(handle.db, agent, { now: NOW }).caller;
    await expect(caller.queues.release({ caseId: ids.mine! })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'You hold no claim on this case.',
    });
    await expect(caller.queues.release({ caseId: ids.theirs! })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(caller.queues.release({ caseId: 'not-a-case' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });
});
