import type { SessionUser } from '@arrears/shared/schemas/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/client.ts';
import { buildCase, buildDebtor, buildPortfolio, buildTeam, buildUser } from './support/builders.ts';
import { callerFor } from './support/caller.ts';
import { createTestDatabase } from './support/db.ts';

let handle: DatabaseHandle;
let agentA: SessionUser;
let agentB: SessionUser;
let agentOther: SessionUser;
let supervisor: SessionUser;
let manager: SessionUser;
const refs: Record<string, string> = {};

beforeAll(async () => {
  handle = await createTestDatabase();
  const db = handle.db;
  const east = await buildTeam(db, 'East');
  const west = await buildTeam(db, 'West');
  agentA = await buildUser(db, 'agent', { teamId: east.id, name: 'Agent A' });
  agentB = await buildUser(db, 'agent', { teamId: east.id, name: 'Agent B' });
  agentOther = await buildUser(db, 'agent', { teamId: west.id, name: 'Agent W' });
  supervisor = await buildUser(db, 'supervisor', { supervises: [east.id] });
  manager = await buildUser(db, 'manager');
  const usd = await buildPortfolio(db, { name: 'US Cards' });
  const cny = await buildPortfolio(db, { name: 'CN Wallet', currency: 'CNY', country: 'CN', region: null });
  const make = async (key: string, values: Parameters<typeof buildCase>[1]) => {
    const row = await buildCase(db, values);
    refs[key] = row.accountRef;
    return row;
  };
  const grace = await buildDebtor(db, { fullName: 'Grace Hopper' });
  await make('aOwn', {
    portfolioId: usd.id,
    teamId: east.id,
    assignedAgentId: agentA.id,
    balanceMinor: 5_000,
    queue: { priority: 10 },
    debtorId: grace.id,
  });
  await make('aOwn2', {
    portfolioId: usd.id,
    teamId: east.id,
    assignedAgentId: agentA.id,
    balanceMinor: 90_000,
    queue: { priority: 50 },
    daysPastDue: 95,
    bucket: 'dpd_91_120',
  });
  await make('bOwn', {
    portfolioId: usd.id,
    teamId: east.id,
    assignedAgentId: agentB.id,
    balanceMinor: 7_000,
    queue: { priority: 30 },
  });
  await make('eastPool', {
    portfolioId: cny.id,
    currency: 'CNY',
    teamId: east.id,
    balanceMinor: 1_000,
    queue: { priority: 5 },
  });
  await make('westPool', {
    portfolioId: usd.id,
    teamId: west.id,
    balanceMinor: 2_000,
    queue: { priority: 99 },
  });
  await make('westOwn', {
    portfolioId: usd.id,
    teamId: west.id,
    assignedAgentId: agentOther.id,
    status: 'paid',
    balanceMinor: 0,
  });
  for (let i = 0; i < 30; i++) {
    await buildCase(db, {
      portfolioId: usd.id,
      teamId: east.id,
      assignedAgentId: agentA.id,
      balanceMinor: 100 + i,
      queue: { priority: 1 },
    });
  }
});
afterAll(() => handle.close());

const refsOf = (rows: Array<{ accountRef: string }>) => rows.map((r) => r.accountRef).sort();

describe('cases.list scope', () => {
  it('an agent sees their own cases and their team pool, nothing else', async () => {
    const { caller } = callerFor(handle.db, agentA);
    const page = await caller.cases.list({ pageSize: 200 });
    expect(page.total).toBe(33);
    const seen = refsOf(page.rows);
    expect(seen).toEqual(expect.arrayContaining([refs.aOwn, refs.aOwn2, refs.eastPool]));
    expect(seen).not.toContain(refs.bOwn);
    expect(seen).not.toContain(refs.westPool);
  });

  it('a supervisor sees every case of the teams they run', async () => {
    const page = await callerFor(handle.db, supervisor).caller.cases.list({ pageSize: 200 });
    expect(page.total).toBe(34);
    expect(refsOf(page.rows)).not.toContain(refs.westPool);
    expect(refsOf(page.rows)).toContain(refs.bOwn);
  });

  it('a manager sees everything', async () => {
    const page = await callerFor(handle.db, manager).caller.cases.list({ pageSize: 200 });
    expect(page.total).toBe(36);
  });

  it('refuses a signed-out caller', async () => {
    await expect(callerFor(handle.db, null).caller.cases.list({})).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });
});

describe('cases.list paging, sorting and filtering', () => {
  it('pages with a stable total', async () => {
    const caller = callerFor(handle.db, agentA).caller;
    const first = await caller.cases.list({
      page: 1,
      pageSize: 10,
      sort: { field: 'balance', direction: 'asc' },
    });
    const fourth = await caller.cases.list({
      page: 4,
      pageSize: 10,
      sort: { field: 'balance', direction: 'asc' },
    });
    expect(first.rows).toHaveLength(10);
    expect(fourth.rows).toHaveLength(3);
    expect(new Set([...first.rows, ...fourth.rows].map((r) => r.id)).size).toBe(13);
  });

  it('sorts by balance both ways', async () => {
    const caller = callerFor(handle.db, manager).caller;
    const desc = await caller.cases.list({ pageSize: 10, sort: { field: 'balance', direction: 'desc' } });
    expect(desc.rows.slice(0, 3).map((r) => r.balanceMinor)).toEqual([90_000, 7_000, 5_000]);
    const asc = await caller.cases.list({ pageSize: 10, sort: { field: 'balance', direction: 'asc' } });
    expect(asc.rows.slice(0, 3).map((r) => r.balanceMinor)).toEqual([0, 100, 101]);
  });

  it('filters by status, bucket, portfolio, agent and the team pool', async () => {
    const caller = callerFor(handle.db, manager).caller;
    expect(refsOf((await caller.cases.list({ filter: { status: 'paid' } })).rows)).toEqual([refs.westOwn]);
    expect(refsOf((await caller.cases.list({ filter: { bucket: 'dpd_91_120' } })).rows)).toEqual([
      refs.aOwn2,
    ]);
    const pool = await caller.cases.list({ filter: { agentId: 'unassigned' } });
    expect(refsOf(pool.rows)).toEqual([refs.eastPool, refs.westPool].sort());
    const byAgent = await caller.cases.list({ filter: { agentId: agentB.id } });
    expect(refsOf(byAgent.rows)).toEqual([refs.bOwn]);
    const cnPortfolio = pool.rows.find((r) => r.currency === 'CNY');
    expect(cnPortfolio?.portfolioName).toBe('CN Wallet');
  });

  it('searches by debtor name and by account reference prefix', async () => {
    const caller = callerFor(handle.db, manager).caller;
    const byName = await caller.cases.list({ filter: { search: 'hopper' } });
    expect(refsOf(byName.rows)).toEqual([refs.aOwn]);
    const byRef = await caller.cases.list({ filter: { search: refs.westPool! } });
    expect(refsOf(byRef.rows)).toEqual([refs.westPool]);
    const wildcard = await caller.cases.list({ filter: { search: '%%' } });
    expect(wildcard.total).toBe(0);
  });

  it('answers BAD_REQUEST naming the field for bad input', async () => {
    const caller = callerFor(handle.db, manager).caller;
    await expect(caller.cases.list({ pageSize: 5000 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('pageSize'),
    });
    await expect(caller.cases.list({ filter: { search: 'x' } })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('filter.search'),
    });
  });

  it('offers only the agents the caller may filter by', async () => {
    const agentView = await callerFor(handle.db, agentA).caller.cases.filterOptions();
    expect(agentView.agents.map((a) => a.id)).toEqual([agentA.id]);
    const supervisorView = await callerFor(handle.db, supervisor).caller.cases.filterOptions();
    expect(supervisorView.agents.map((a) => a.name).sort()).toEqual(['Agent A', 'Agent B']);
    expect(supervisorView.portfolios.map((p) => p.name)).toEqual(['CN Wallet', 'US Cards']);
  });
});
