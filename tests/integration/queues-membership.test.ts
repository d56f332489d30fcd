import type { SessionUser } from '@arrears/shared/schemas/auth';
import type { Queue } from '@arrears/shared/schemas/queues';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/client.ts';
import * as s from '../../server/src/db/schema/index.ts';
import { refreshAllWorkability } from '../../server/src/modules/queues/workability-roll.ts';
import {
  buildCase,
  buildContactPoint,
  buildDebtor,
  buildPortfolio,
  buildTeam,
  buildUser,
} from './support/builders.ts';
import { callerFor } from './support/caller.ts';
import { createTestDatabase } from './support/db.ts';

/** 12:00 in New York, already Thursday 01:00 in Shanghai. */
const NOW = new Date('2026-11-11T17:00:00Z');
const refs = new Map<string, string>();
let handle: DatabaseHandle;
let agent: SessionUser;
let teammate: SessionUser;
let supervisor: SessionUser;
let otherSupervisor: SessionUser;

beforeAll(async () => {
  handle = await createTestDatabase();
  const db = handle.db;
  const team = await buildTeam(db);
  const otherTeam = await buildTeam(db);
  agent = await buildUser(db, 'agent', { teamId: team.id });
  teammate = await buildUser(db, 'agent', { teamId: team.id });
  supervisor = await buildUser(db, 'supervisor', { supervises: [team.id] });
  otherSupervisor = await buildUser(db, 'supervisor', { supervises: [otherTeam.id] });
  const usd = await buildPortfolio(db);
  const cny = await buildPortfolio(db, { currency: 'CNY', country: 'CN', region: null });
  const make = async (key: string, values: Partial<typeof s.cases.$inferInsert> = {}, shanghai = false) => {
    const debtor = await buildDebtor(
      db,
      shanghai
        ? { jurisdictionCountry: 'CN', jurisdictionRegion: null, explicitTimeZone: 'Asia/Shanghai' }
        : { explicitTimeZone: 'America/New_York' },
    );
    await buildContactPoint(db, debtor.id, { kind: 'mobile', timeZone: 'America/New_York' });
    const row = await buildCase(db, {
      portfolioId: shanghai ? cny.id : usd.id,
      currency: shanghai ? 'CNY' : 'USD',
      teamId: team.id,
      assignedAgentId: agent.id,
      placedAt: new Date('2026-09-01T00:00:00Z'),
      lastContactAt: new Date('2026-11-01T15:00:00Z'),
      debtorId: debtor.id,
      ...values,
    });
    refs.set(key, row.id);
    return row;
  };
  const promise = (caseId: string, dueDate: string, status: 'pending' | 'broken' | 'kept' = 'pending') =>
    db.insert(s.promises).values({ caseId, amountMinor: 5_000, currency: 'USD', dueDate, status });
  const callback = (caseId: string, agentId: string, dueAt: string, doneAt: string | null = null) =>
    db.insert(s.callbacks).values({
      caseId,
      agentId,
      dueAt: new Date(dueAt),
      doneAt: doneAt === null ? null : new Date(doneAt),
    });

  await make('own', { balanceMinor: 300_000 });
  await make('ownClosed', { status: 'paid', balanceMinor: 0 });
  await make('teammates', { assignedAgentId: teammate.id });
  await make('pool', { assignedAgentId: null });
  await make('otherPool', { assignedAgentId: null, teamId: otherTeam.id });
  await promise((await make('dueToday')).id, '2026-11-11');
  // In Shanghai it is already the 12th: that is the debtor's today, the 11th is yesterday (broken).
  await promise((await make('dueTodayShanghai', {}, true)).id, '2026-11-12');
  await promise((await make('dueYesterdayShanghai', {}, true)).id, '2026-11-11');
  // No zone named: the first phone's zone (Shanghai) decides the calendar, not the New York jurisdiction.
  const travelling = await buildDebtor(db, { explicitTimeZone: null });
  await buildContactPoint(db, travelling.id, { kind: 'mobile', timeZone: 'Asia/Shanghai' });
  await buildContactPoint(db, travelling.id, { kind: 'landline', timeZone: 'America/New_York' });
  await promise((await make('dueTodayByPhoneZone', { debtorId: travelling.id })).id, '2026-11-12');
  await promise((await make('poolDueToday', { assignedAgentId: null })).id, '2026-11-11');
  await promise(
    (await make('otherPoolDueToday', { assignedAgentId: null, teamId: otherTeam.id })).id,
    '2026-11-11',
  );
  await promise((await make('broken')).id, '2026-11-05', 'broken');
  await promise((await make('overduePending')).id, '2026-11-09');
  const superseded = await make('brokenThenPromised');
  await promise(superseded.id, '2026-11-01', 'broken');
  await promise(superseded.id, '2026-11-20');
  await promise((await make('brokenLongAgo')).id, '2026-09-01', 'broken');
  await promise((await make('promisedLater')).id, '2026-11-25');
  // Yesterday's pending promise is not settled yet (the nightly roll has not run) and another falls due today.
  const behind = await make('dueTodayBehindOverdue');
  await promise(behind.id, '2026-11-10');
  await promise(behind.id, '2026-11-11');
  // Behind an unsettled one the next pending promise is later: nothing is due today.
  const behindLater = await make('behindOverdueNextLater');
  await promise(behindLater.id, '2026-11-10');
  await promise(behindLater.id, '2026-11-20');
  // Two unsettled promises, and a third due today (only this reads the promises themselves), or none.
  const twoBehind = await make('dueTodayBehindTwoOverdue');
  for (const date of ['2026-11-09', '2026-11-10', '2026-11-11']) await promise(twoBehind.id, date);
  const twoBehindNone = await make('twoOverdueNoneToday');
  for (const date of ['2026-11-09', '2026-11-10', '2026-11-13']) await promise(twoBehindNone.id, date);
  // Two promises with the same date and creation instant, so neither is later than the other: a kept one beside a
  // broken one, or beside one still pending past its date, makes the case a broken promise.
  const tied = async (key: string, dueDate: string, statuses: Array<'kept' | 'broken' | 'pending'>) => {
    const tiedCase = await make(key);
    const createdAt = new Date(`${dueDate}T00:00:00Z`);
    await db.insert(s.promises).values(
      statuses.map((status) => ({
        caseId: tiedCase.id,
        amountMinor: 5_000,
        currency: 'USD',
        dueDate,
        status,
        createdAt,
      })),
    );
  };
  await tied('brokenTie', '2026-11-06', ['kept', 'broken']);
  await tied('pendingTie', '2026-11-09', ['kept', 'pending']);
  await make('newPlacement', { placedAt: new Date('2026-11-08T00:00:00Z'), lastContactAt: null });
  await make('newPoolPlacement', {
    placedAt: new Date('2026-11-08T00:00:00Z'),
    lastContactAt: null,
    assignedAgentId: null,
  });
  await make('newButContacted', { placedAt: new Date('2026-11-08T00:00:00Z') });
  await make('oldUncontacted', { placedAt: new Date('2026-10-01T00:00:00Z'), lastContactAt: null });
  await callback((await make('callbackDue')).id, agent.id, '2026-11-11T16:00:00Z');
  await callback((await make('callbackLater')).id, agent.id, '2026-11-11T18:00:00Z');
  await callback((await make('callbackDone')).id, agent.id, '2026-11-11T15:00:00Z', '2026-11-11T15:30:00Z');
  await callback((await make('teammatesCallback')).id, teammate.id, '2026-11-11T16:00:00Z');
  await refreshAllWorkability(db, NOW);
});
afterAll(() => handle.close());

const keysOf = (ids: string[]) => {
  const byId = new Map([...refs].map(([key, id]) => [id, key]));
  return ids.map((id) => byId.get(id) ?? id).sort();
};

async function queue(user: SessionUser, name: Queue, agentId?: string) {
  const caller = callerFor(handle.db, user, { now: NOW }).caller;
  const page = await caller.queues.list({ queue: name, ...(agentId ? { agentId } : {}) });
  return keysOf(page.rows.map((row) => row.id));
}

describe('queue membership', () => {
  it("holds the agent's own active cases in mine, not closed ones nor a teammate's", async () => {
    const mine = await queue(agent, 'mine');
    expect(mine).toContain('own');
    expect(mine).not.toContain('ownClosed');
    expect(mine).not.toContain('teammates');
    expect(mine).not.toContain('pool');
  });

  it("holds only the unassigned active cases of the agent's team in the team pool", async () => {
    expect(await queue(agent, 'team_pool')).toEqual(['newPoolPlacement', 'pool', 'poolDueToday']);
  });

  it("holds promises due today on the debtor's own calendar, from own cases and the pool", async () => {
    expect(await queue(agent, 'promises_due_today')).toEqual([
      'dueToday',
      'dueTodayBehindOverdue',
      'dueTodayBehindTwoOverdue',
      'dueTodayByPhoneZone',
      'dueTodayShanghai',
      'poolDueToday',
    ]);
  });

  it('holds recently broken promises and pending ones past their date, unless a later promise supersedes', async () => {
    expect(await queue(agent, 'broken_promises')).toEqual([
      'broken',
      'brokenTie',
      'dueYesterdayShanghai',
      'overduePending',
      'pendingTie',
    ]);
  });

  it('holds placements of the last 7 days that nobody has contacted yet', async () => {
    expect(await queue(agent, 'new_placements')).toEqual(['newPlacement', 'newPoolPlacement']);
  });

  it("holds the agent's own callbacks that are due and not done", async () => {
    expect(await queue(agent, 'callbacks_due')).toEqual(['callbackDue']);
  });

  it('counts every queue for the sidebar with the same membership', async () => {
    const counts = await callerFor(handle.db, agent, { now: NOW }).caller.queues.counts();
    expect(counts.promises_due_today).toEqual({ count: 6, capped: false });
    expect(counts.broken_promises).toEqual({ count: 5, capped: false });
    expect(counts.new_placements).toEqual({ count: 2, capped: false });
    expect(counts.callbacks_due).toEqual({ count: 1, capped: false });
    expect(counts.team_pool).toEqual({ count: 3, capped: false });
    expect(counts.mine.count).toBe((await queue(agent, 'mine')).length);
  });
});

describe('sorting and paging', () => {
  it('sorts on the server by balance, days past due or workable instant, and pages without repeats', async () => {
    const caller = callerFor(handle.db, agent, { now: NOW }).caller;
    const all = await caller.queues.list({ queue: 'mine', sort: { field: 'balance', direction: 'asc' } });
    const balances = all.rows.map((row) => row.balanceMinor);
    expect(balances).toEqual([...balances].sort((a, b) => a - b));
    expect(balances.at(-1)).toBe(300_000);
    const first = await caller.queues.list({
      queue: 'mine',
      pageSize: 5,
      sort: { field: 'daysPastDue', direction: 'desc' },
    });
    const second = await caller.queues.list({
      queue: 'mine',
      page: 2,
      pageSize: 5,
      sort: { field: 'daysPastDue', direction: 'desc' },
    });
    const ten = await caller.queues.list({
      queue: 'mine',
      pageSize: 10,
      sort: { field: 'daysPastDue', direction: 'desc' },
    });
    const ids = [...first.rows, ...second.rows].map((row) => row.id);
    expect(new Set(ids).size).toBe(10);
    expect(ids).toEqual(ten.rows.map((row) => row.id));
    expect(first.total).toEqual({ count: all.rows.length, capped: false });
    expect(second.total).toEqual(first.total);
    // A page past the end is empty and still says how many the queue holds.
    const beyond = await caller.queues.list({ queue: 'mine', page: 1000, pageSize: 5 });
    expect(beyond.rows).toEqual([]);
    expect(beyond.total).toEqual(first.total);
  });

  it('puts cases no phone can reach last when sorting by workable instant', async () => {
    const caller = callerFor(handle.db, agent, { now: NOW }).caller;
    await handle.db
      .update(s.caseQueueState)
      .set({ nextWorkableAt: null })
      .where(eq(s.caseQueueState.caseId, refs.get('own')!));
    const page = await caller.queues.list({
      queue: 'mine',
      sort: { field: 'nextWorkableAt', direction: 'asc' },
    });
    expect(page.rows.at(-1)?.id).toBe(refs.get('own'));
    expect(page.rows.slice(0, -1).every((row) => row.nextWorkableAt !== null)).toBe(true);
  });
});

describe('whose queues', () => {
  it('lets a supervisor see the queues of an agent of their team exactly as the agent does', async () => {
    for (const name of ['mine', 'callbacks_due', 'broken_promises'] as const) {
      expect(await queue(supervisor, name, agent.id)).toEqual(await queue(agent, name));
    }
  });

  it("refuses an agent who asks for a teammate's queues", async () => {
    await expect(queue(agent, 'mine', teammate.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses a supervisor who asks for an agent of a team they do not run', async () => {
    await expect(queue(otherSupervisor, 'mine', agent.id)).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'That agent is not in a team you run.',
    });
  });

  it('refuses a queue that does not exist with a clear message', async () => {
    const caller = callerFor(handle.db, agent, { now: NOW }).caller;
    await expect(caller.queues.list({ queue: 'everything' as Queue })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('queue must be one of mine'),
    });
  });

  it('refuses a page larger than 50 rows', async () => {
    const caller = callerFor(handle.db, agent, { now: NOW }).caller;
    await expect(caller.queues.list({ queue: 'mine', pageSize: 51 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('pageSize'),
    });
  });
});

describe("promise keys on the case's queue row", () => {
  it('follow every change of the promises, and the queues with them', async () => {
    const db = handle.db;
    const caseId = refs.get('promisedLater')!;
    const keys = async () => {
      const [row] = await db
        .select({
          next: s.caseQueueState.nextPendingDue,
          second: s.caseQueueState.secondPendingDue,
          latest: s.caseQueueState.latestPromiseDue,
          status: s.caseQueueState.latestPromiseStatus,
        })
        .from(s.caseQueueState)
        .where(eq(s.caseQueueState.caseId, caseId));
      return row;
    };
    expect(await keys()).toEqual({
      next: '2026-11-25',
      second: null,
      latest: '2026-11-25',
      status: 'pending',
    });
    // A second promise today: the earliest pending date moves, the latest stays.
    await db
      .insert(s.promises)
      .values({ caseId, amountMinor: 1_000, currency: 'USD', dueDate: '2026-11-11' });
    expect(await keys()).toEqual({
      next: '2026-11-11',
      second: '2026-11-25',
      latest: '2026-11-25',
      status: 'pending',
    });
    expect(await queue(agent, 'promises_due_today')).toContain('promisedLater');
    // The later one is broken (as a supervisor correcting it would): it is the latest, so the case is broken.
    await db
      .update(s.promises)
      .set({ status: 'broken' })
      .where(and(eq(s.promises.caseId, caseId), eq(s.promises.dueDate, '2026-11-25')));
    expect(await keys()).toEqual({
      next: '2026-11-11',
      second: null,
      latest: '2026-11-25',
      status: 'broken',
    });
    // Both cancelled: no keys, in neither queue.
    await db.update(s.promises).set({ status: 'cancelled' }).where(eq(s.promises.caseId, caseId));
    expect(await keys()).toEqual({ next: null, second: null, latest: null, status: null });
    expect(await queue(agent, 'promises_due_today')).not.toContain('promisedLater');
    expect(await queue(agent, 'broken_promises')).not.toContain('promisedLater');
  });
});

describe("the calendar-zone hint on the case's queue row", () => {
  it("follows the debtor and their contact points, and the promise queue follows the debtor's calendar", async () => {
    const db = handle.db;
    const caseId = refs.get('dueTodayByPhoneZone')!;
    const [row] = await db.select({ debtorId: s.cases.debtorId }).from(s.cases).where(eq(s.cases.id, caseId));
    const debtorId = row!.debtorId;
    const hint = async () =>
      (
        await db
          .select({ hint: s.caseQueueState.calendarZoneHint })
          .from(s.caseQueueState)
          .where(eq(s.caseQueueState.caseId, caseId))
      )[0]!.hint;
    // No zone named: the first phone's zone (Shanghai, where it is already the 12th, the promise's date).
    expect(await hint()).toBe('Asia/Shanghai');
    expect(await queue(agent, 'promises_due_today')).toContain('dueTodayByPhoneZone');
    // The debtor names New York: there it is still the 11th, so the promise is not due today.
    await db
      .update(s.debtors)
      .set({ explicitTimeZone: 'America/New_York' })
      .where(eq(s.debtors.id, debtorId));
    expect(await hint()).toBe('America/New_York');
    expect(await queue(agent, 'promises_due_today')).not.toContain('dueTodayByPhoneZone');
    // A zone the database does not know: the full rule decides (the first phone's known zone, Shanghai) again.
    await db
      .update(s.debtors)
      .set({ explicitTimeZone: 'Mars/Olympus_Mons' })
      .where(eq(s.debtors.id, debtorId));
    expect(await hint()).toBe('Mars/Olympus_Mons');
    expect(await queue(agent, 'promises_due_today')).toContain('dueTodayByPhoneZone');
    // Unnamed again, and the Shanghai phone removed: the New York landline's zone decides.
    await db.update(s.debtors).set({ explicitTimeZone: null }).where(eq(s.debtors.id, debtorId));
    await db
      .delete(s.contactPoints)
      .where(and(eq(s.contactPoints.debtorId, debtorId), eq(s.contactPoints.timeZone, 'Asia/Shanghai')));
    expect(await hint()).toBe('America/New_York');
    expect(await queue(agent, 'promises_due_today')).not.toContain('dueTodayByPhoneZone');
  });
});
