import type { SessionUser } from '@arrears/shared/schemas/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/client.ts';
import { cell, toCsv } from '../../server/src/modules/reports/csv.ts';
import {
  buildCase,
  buildContact,
  buildPayment,
  buildPortfolio,
  buildPromise,
  buildTeam,
  buildUser,
} from './support/builders.ts';
import { callerFor } from './support/caller.ts';
import { createTestDatabase } from './support/db.ts';

/** Recovery reports: currencies kept apart, filters and the UTC day, who may ask, CSV safety, bad input. */
const NOW = new Date('2026-11-20T15:00:00Z');
let handle: DatabaseHandle;
let manager: SessionUser;
let agent: SessionUser;
let supervisor: SessionUser;
let mixed: { id: string };
let other: { id: string };
let usdCase: { id: string; debtorId: string };
let cnyCase: { id: string; debtorId: string };

beforeAll(async () => {
  handle = await createTestDatabase();
  const db = handle.db;
  const team = await buildTeam(db);
  manager = await buildUser(db, 'manager');
  agent = await buildUser(db, 'agent', { teamId: team.id, name: '=cmd|calc agent' });
  supervisor = await buildUser(db, 'supervisor', { supervises: [team.id] });
  mixed = await buildPortfolio(db, { name: '=HYPERLINK("http://x","click")' });
  other = await buildPortfolio(db, { name: 'Other book' });
  usdCase = await buildCase(db, { portfolioId: mixed.id, assignedAgentId: agent.id, teamId: team.id });
  cnyCase = await buildCase(db, { portfolioId: mixed.id, currency: 'CNY', assignedAgentId: agent.id });
  const otherCase = await buildCase(db, { portfolioId: other.id });
  // Same portfolio, same day, two currencies: 100.00 USD and 300.00 CNY must never become 400.00 of anything.
  await buildPayment(db, usdCase.id, { amountMinor: 10_000, receivedAt: new Date('2026-11-10T12:00:00Z') });
  await buildPayment(db, cnyCase.id, {
    amountMinor: 30_000,
    currency: 'CNY',
    receivedAt: new Date('2026-11-10T13:00:00Z'),
  });
  // The reporting day is the UTC day: the last second of the 11th and the first of the 12th.
  await buildPayment(db, usdCase.id, { amountMinor: 111, receivedAt: new Date('2026-11-11T23:59:59Z') });
  await buildPayment(db, usdCase.id, { amountMinor: 222, receivedAt: new Date('2026-11-12T00:00:00Z') });
  await buildPayment(db, otherCase.id, { amountMinor: 5_000, receivedAt: new Date('2026-11-10T12:00:00Z') });
  await buildContact(db, usdCase, { agentId: agent.id, occurredAt: new Date('2026-11-10T15:00:00Z') });
  await buildContact(db, usdCase, {
    agentId: agent.id,
    outcome: 'conversation',
    occurredAt: new Date('2026-11-10T16:00:00Z'),
  });
  await buildPromise(db, usdCase.id, {
    amountMinor: 1_000,
    dueDate: '2026-11-09',
    status: 'kept',
    createdBy: agent.id,
  });
  await buildPromise(db, cnyCase.id, {
    amountMinor: 2_000,
    currency: 'CNY',
    dueDate: '2026-11-09',
    status: 'broken',
    createdBy: agent.id,
  });
});
afterAll(() => handle?.close());

const as = (user: SessionUser | null) => callerFor(handle.db, user, { now: NOW }).caller;
const november = { from: '2026-11-01', to: '2026-11-30', portfolioIds: [] as string[] };

describe('reports keep currencies apart', () => {
  it('collected: one row per currency of a portfolio', async () => {
    const rows = await as(manager).reports.collected({
      filters: { ...november, portfolioIds: [mixed.id] },
      grain: 'month',
    });
    expect(rows.map((r) => [r.currency, r.amountMinor, r.paymentCount]).sort()).toEqual([
      ['CNY', 30_000, 1],
      ['USD', 10_333, 3],
    ]);
  });

  it('league tables: an agent has a row per currency, money never added across them', async () => {
    const rows = await as(manager).reports.agentLeague({ filters: november });
    const mine = rows.filter((r) => r.agentId === agent.id);
    expect(mine.map((r) => [r.currency, r.collectedMinor, r.keptCount, r.brokenCount]).sort()).toEqual([
      ['CNY', 30_000, 0, 1],
      ['USD', 10_333, 1, 0],
    ]);
    const usd = mine.find((r) => r.currency === 'USD')!;
    expect(usd).toMatchObject({ contacts: 2, callAttempts: 2, rightPartyContacts: 1, rightPartyRate: 0.5 });
  });

  it('promise-kept: kept and broken amounts per currency', async () => {
    const rows = await as(manager).reports.promiseKept({ filters: november });
    expect(rows.map((r) => [r.currency, r.keptMinor, r.brokenMinor, r.keptRate]).sort()).toEqual([
      ['CNY', 0, 2_000, 0],
      ['USD', 1_000, 0, 1],
    ]);
  });
});

describe('filters', () => {
  it('the portfolio filter leaves other portfolios out', async () => {
    const all = await as(manager).reports.collected({ filters: november, grain: 'month' });
    const one = await as(manager).reports.collected({
      filters: { ...november, portfolioIds: [other.id] },
      grain: 'month',
    });
    expect(all.map((r) => r.portfolioId).sort()).toEqual([mixed.id, mixed.id, other.id].sort());
    expect(one).toEqual([expect.objectContaining({ portfolioId: other.id, amountMinor: 5_000 })]);
  });

  it('days are UTC days, both ends included', async () => {
    const day = (d: string) =>
      as(manager).reports.collected({
        filters: { from: d, to: d, portfolioIds: [mixed.id] },
        grain: 'day',
      });
    expect((await day('2026-11-11')).map((r) => r.amountMinor)).toEqual([111]);
    expect((await day('2026-11-12')).map((r) => r.amountMinor)).toEqual([222]);
    const weeks = await as(manager).reports.collected({
      filters: { from: '2026-11-10', to: '2026-11-12', portfolioIds: [mixed.id] },
      grain: 'week',
    });
    expect(weeks.map((r) => [r.period, r.currency]).sort()).toEqual([
      ['2026-11-09', 'CNY'],
      ['2026-11-09', 'USD'],
    ]);
  });
});

describe('who may ask', () => {
  it.each([
    ['an agent', () => agent],
    ['a supervisor', () => supervisor],
  ])('%s is refused every report and the CSV', async (_who, user) => {
    const caller = as(user());
    await expect(caller.reports.vintage({ filters: november })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(caller.reports.agentLeague({ filters: november })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(
      caller.reports.csv({ report: 'collected', filters: november, grain: 'month' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('signed out is UNAUTHORIZED', async () => {
    await expect(as(null).reports.portfolios()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});

describe('CSV export', () => {
  it('neutralises formula-looking text and quotes what needs quoting', async () => {
    const { fileName, csv } = await as(manager).reports.csv({
      report: 'agentLeague',
      filters: november,
      grain: 'month',
    });
    expect(fileName).toBe('agentLeague-2026-11-01-to-2026-11-30.csv');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFFagentName,teamName,currency,collectedAmount,paymentCount,contacts,callAttempts,rightPartyContacts,keptCount,brokenCount,rightPartyRate,keptRate',
    );
    expect(csv).toContain("'=cmd|calc agent,");
    expect(csv).not.toMatch(/(^|,)=cmd/m);

    const byPortfolio = await as(manager).reports.csv({
      report: 'collected',
      filters: november,
      grain: 'day',
    });
    expect(byPortfolio.csv).toContain(`"'=HYPERLINK(""http://x"",""click"")"`);
    expect(byPortfolio.fileName).toBe('collected-day-2026-11-01-to-2026-11-30.csv');
  });

  it('opens in Excel: a UTF-8 mark, amounts in major units beside their currency, rates rounded, the unassigned named', async () => {
    const league = await as(manager).reports.csv({
      report: 'agentLeague',
      filters: november,
      grain: 'month',
    });
    expect(league.csv.startsWith('\uFEFF')).toBe(true);
    const rows = league.csv.slice(1).trimEnd().split('\r\n').slice(1);
    // 100.00 + 1.11 + 2.22 USD and 300.00 CNY on the agent's cases; 50.00 USD on a case with no agent.
    expect(rows).toContainEqual(
      expect.stringMatching(/^'=cmd\|calc agent,[^,]+,USD,103\.33,3,2,2,1,1,0,0\.5,1$/),
    );
    expect(rows).toContainEqual(
      expect.stringMatching(/^'=cmd\|calc agent,[^,]+,CNY,300\.00,1,0,0,0,0,1,,0$/),
    );
    expect(rows).toContain('Unassigned (team pool or automated),No team,USD,50.00,1,0,0,0,0,0,,');

    const perThousand = await as(manager).reports.csv({
      report: 'contactsPerCollected',
      filters: { ...november, portfolioIds: [mixed.id] },
      grain: 'month',
    });
    // 2 contacts per 103.33 dollars: 19.3554… per 1,000, written to two decimals.
    expect(perThousand.csv).toContain(',USD,2,103.33,19.36\r\n');
    expect(perThousand.csv).toContain(',CNY,0,300.00,0\r\n');
  });

  it('heads the columns and names the blanks in Chinese for a reader whose language is Chinese', async () => {
    const league = await as({ ...manager, locale: 'zh-CN', language: 'zh' }).reports.csv({
      report: 'agentLeague',
      filters: november,
      grain: 'month',
    });
    const [heading, ...rows] = league.csv.slice(1).trimEnd().split('\r\n');
    expect(heading).toBe(
      '催收员,团队,币种,回收金额,还款笔数,联系次数,外呼次数,本人接通次数,履约笔数,违约笔数,本人接通率,承诺还款履约率',
    );
    expect(rows).toContain('未分配（团队池或自动处理）,无团队,USD,50.00,1,0,0,0,0,0,,');
    expect(league.fileName).toBe('agentLeague-2026-11-01-to-2026-11-30.csv');
  });

  it('cell(): every dangerous first character, numbers untouched, nulls empty', () => {
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'].map(cell)).toEqual([
      "'=1+1",
      "'+1",
      "'-1",
      "'@SUM(A1)",
      "'\tx",
      `"'\rx"`,
    ]);
    expect(cell(-1250)).toBe('-1250');
    expect(cell(null)).toBe('');
    expect(cell('a,b')).toBe('"a,b"');
    expect(toCsv([{ a: 1, b: 'x' }])).toBe('a,b\r\n1,x\r\n');
  });
});

describe('bad input is a 400 naming the field', () => {
  const BAD = { code: 'BAD_REQUEST' };
  it.each([
    [
      'a reversed range',
      { from: '2026-11-30', to: '2026-11-01', portfolioIds: [] },
      /to: to must be on or after from/,
    ],
    [
      'a range over three years',
      { from: '2020-01-01', to: '2026-11-01', portfolioIds: [] },
      /to: the date range/,
    ],
    [
      'a date that is not one',
      { from: '2026-13-01', to: '2026-11-01', portfolioIds: [] },
      /from: from must be a date/,
    ],
    ['a portfolio id that is not one', { ...november, portfolioIds: ['nope'] }, /portfolioIds/],
  ])('%s', async (_what, filters, message) => {
    await expect(as(manager).reports.vintage({ filters })).rejects.toMatchObject({
      ...BAD,
      message: expect.stringMatching(message),
    });
  });

  it('an unknown grain or report', async () => {
    await expect(
      as(manager).reports.collected({ filters: november, grain: 'year' as 'day' }),
    ).rejects.toMatchObject({ ...BAD, message: expect.stringMatching(/grain/) });
    await expect(
      as(manager).reports.csv({ report: 'secrets' as 'vintage', filters: november, grain: 'month' }),
    ).rejects.toMatchObject({ ...BAD, message: expect.stringMatching(/report/) });
  });
});
