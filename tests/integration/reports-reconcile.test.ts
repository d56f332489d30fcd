import { bucketFor, daysPastDue } from '@arrears/shared/domain/buckets';
import { minorDigits } from '@arrears/shared/domain/money';
import type { SessionUser } from '@arrears/shared/schemas/auth';
import { REPORT_NAMES, type ReportFilters, type ReportName } from '@arrears/shared/schemas/reports';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, queryRows } from '../../server/src/db/client.ts';
import { seedDemoBook } from '../../server/src/db/seed/demo-book.ts';
import {
  backfillReportRollups,
  monthStart,
  snapshotMonth,
} from '../../server/src/modules/reports/rollups.ts';
import { buildAgency, buildUser } from './support/builders.ts';
import { callerFor } from './support/caller.ts';
import { asOwner, createTestDatabase, type TestDatabase } from './support/db.ts';

/**
 * Item 7: every figure of every report, read from the rollups, equals the same figure recomputed here from
 * the raw rows (cases, payments, contact_log, promises, agency_placements) in plain JS — on a seeded book,
 * after more writes through the triggers (a reversal, promises settling, placements and a recall).
 */
const NOW = new Date('2026-11-20T15:00:00Z');
const TODAY = '2026-11-20';

let handle: TestDatabase;
let manager: SessionUser;
let raw: Raw;

interface Raw {
  cases: Array<{
    id: string;
    portfolio_id: string;
    currency: string;
    assigned_agent_id: string | null;
    placed_at: Date;
    closed_at: Date | null;
    due_date: string;
    placed: number;
  }>;
  payments: Array<{ case_id: string; amount: number; currency: string; received_at: Date }>;
  contacts: Array<{
    case_id: string;
    agent_id: string | null;
    kind: string;
    direction: string;
    outcome: string;
    occurred_at: Date;
  }>;
  promises: Array<{
    case_id: string;
    due_date: string;
    status: string;
    amount: number;
    currency: string;
    created_by: string | null;
  }>;
  placements: Array<{
    case_id: string;
    agency_id: string;
    agency_name: string;
    currency: string;
    amount: number;
    status: string;
    placed_at: Date;
    recalled_at: Date | null;
  }>;
  users: Map<string, { name: string; teamId: string | null; teamName: string | null }>;
  portfolios: Map<string, string>;
}

const asDate = (v: unknown) => (v instanceof Date ? v : new Date(String(v)));
const asDay = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));

async function loadRaw(db: DatabaseHandle['db']): Promise<Raw> {
  const cases = await queryRows<Record<string, unknown>>(
    db,
    sql`select id, portfolio_id, currency, assigned_agent_id, placed_at, closed_at, due_date::text as due_date,
               principal_minor + interest_minor + fees_minor as placed from cases`,
  );
  const payments = await queryRows<Record<string, unknown>>(
    db,
    sql`select case_id, amount_minor, currency, received_at from payments`,
  );
  const contacts = await queryRows<Record<string, unknown>>(
    db,
    sql`select case_id, agent_id, kind, direction, outcome, occurred_at from contact_log`,
  );
  const promises = await queryRows<Record<string, unknown>>(
    db,
    sql`select case_id, due_date::text as due_date, status, amount_minor, currency, created_by from promises`,
  );
  const placements = await queryRows<Record<string, unknown>>(
    db,
    sql`select ap.case_id, ap.agency_id, a.name, ap.currency, ap.balance_at_placement_minor, ap.status, ap.placed_at,
               ap.recalled_at from agency_placements ap join agencies a on a.id = ap.agency_id`,
  );
  const users = await queryRows<Record<string, unknown>>(
    db,
    sql`select u.id, u.name, u.team_id, t.name as team_name from users u left join teams t on t.id = u.team_id`,
  );
  const portfolios = await queryRows<Record<string, unknown>>(db, sql`select id, name from portfolios`);
  return {
    cases: cases.map((r) => ({
      id: String(r.id),
      portfolio_id: String(r.portfolio_id),
      currency: String(r.currency),
      assigned_agent_id: r.assigned_agent_id ? String(r.assigned_agent_id) : null,
      placed_at: asDate(r.placed_at),
      closed_at: r.closed_at ? asDate(r.closed_at) : null,
      due_date: String(r.due_date),
      placed: Number(r.placed),
    })),
    payments: payments.map((r) => ({
      case_id: String(r.case_id),
      amount: Number(r.amount_minor),
      currency: String(r.currency),
      received_at: asDate(r.received_at),
    })),
    contacts: contacts.map((r) => ({
      case_id: String(r.case_id),
      agent_id: r.agent_id ? String(r.agent_id) : null,
      kind: String(r.kind),
      direction: String(r.direction),
      outcome: String(r.outcome),
      occurred_at: asDate(r.occurred_at),
    })),
    promises: promises.map((r) => ({
      case_id: String(r.case_id),
      due_date: String(r.due_date),
      status: String(r.status),
      amount: Number(r.amount_minor),
      currency: String(r.currency),
      created_by: r.created_by ? String(r.created_by) : null,
    })),
    placements: placements.map((r) => ({
      case_id: String(r.case_id),
      agency_id: String(r.agency_id),
      agency_name: String(r.name),
      currency: String(r.currency),
      amount: Number(r.balance_at_placement_minor),
      status: String(r.status),
      placed_at: asDate(r.placed_at),
      recalled_at: r.recalled_at ? asDate(r.recalled_at) : null,
    })),
    users: new Map(
      users.map((r) => [
        String(r.id),
        {
          name: String(r.name),
          teamId: r.team_id ? String(r.team_id) : null,
          teamName: r.team_name ? String(r.team_name) : null,
        },
      ]),
    ),
    portfolios: new Map(portfolios.map((r) => [String(r.id), String(r.name)])),
  };
}

// ---- independent recomputation from the raw rows ----------------------------------------------------------

const day = (at: Date) => at.toISOString().slice(0, 10);
const month = (d: string) => `${d.slice(0, 7)}-01`;
const addMonths = (m: string, k: number) => {
  const d = new Date(`${m}T00:00:00Z`);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + k, 1)).toISOString().slice(0, 10);
};
const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
const rate = (a: number, b: number) => (b === 0 ? null : a / b);
function weekOf(d: string): string {
  const date = new Date(`${d}T00:00:00Z`);
  const back = (date.getUTCDay() + 6) % 7;
  return new Date(date.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}

function group<T, V>(
  items: T[],
  key: (t: T) => string,
  init: () => V,
  add: (v: V, t: T) => void,
): Map<string, V> {
  const out = new Map<string, V>();
  for (const item of items) {
    const k = key(item);
    let v = out.get(k);
    if (v === undefined) {
      v = init();
      out.set(k, v);
    }
    add(v, item);
  }
  return out;
}

function expected(name: ReportName, f: ReportFilters, grain: 'day' | 'week' | 'month' = 'month') {
  const caseOf = new Map(raw.cases.map((c) => [c.id, c]));
  const inPortfolio = (portfolioId: string) =>
    f.portfolioIds.length === 0 || f.portfolioIds.includes(portfolioId);
  const inDays = (d: string) => d >= f.from && d <= f.to;
  const pname = (id: string) => raw.portfolios.get(id) ?? '';
  const payments = raw.payments
    .map((p) => ({ ...p, c: caseOf.get(p.case_id)! }))
    .filter((p) => inPortfolio(p.c.portfolio_id));
  const contacts = raw.contacts
    .map((l) => ({ ...l, c: caseOf.get(l.case_id)! }))
    .filter((l) => inPortfolio(l.c.portfolio_id));
  const promises = raw.promises
    .map((p) => ({ ...p, c: caseOf.get(p.case_id)! }))
    .filter(
      (p) => inPortfolio(p.c.portfolio_id) && inDays(p.due_date) && ['kept', 'broken'].includes(p.status),
    );
  const isCall = (l: (typeof contacts)[number]) =>
    l.direction === 'outbound' && (l.kind === 'call' || l.kind === 'autodial_call');
  const isRpc = (l: (typeof contacts)[number]) => isCall(l) && l.outcome === 'conversation';

  switch (name) {
    case 'collected': {
      const period = (d: string) => (grain === 'day' ? d : grain === 'week' ? weekOf(d) : month(d));
      const g = group(
        payments.filter((p) => inDays(day(p.received_at))),
        (p) => `${period(day(p.received_at))}|${p.c.portfolio_id}|${p.currency}`,
        () => ({ amount: 0, count: 0 }),
        (v, p) => {
          v.amount += p.amount;
          if (p.amount > 0) v.count += 1;
        },
      );
      return [...g]
        .filter(([, v]) => v.amount !== 0 || v.count !== 0)
        .map(([k, v]) => {
          const [p, portfolioId = '', currency] = k.split('|');
          return {
            period: p,
            portfolioId,
            portfolioName: pname(portfolioId),
            currency,
            amountMinor: v.amount,
            paymentCount: v.count,
          };
        });
    }
    case 'vintage': {
      const cohorts = group(
        raw.cases.filter(
          (c) =>
            inPortfolio(c.portfolio_id) &&
            month(day(c.placed_at)) >= month(f.from) &&
            month(day(c.placed_at)) <= month(f.to),
        ),
        (c) => `${c.portfolio_id}|${month(day(c.placed_at))}|${c.currency}`,
        () => ({ count: 0, placed: 0 }),
        (v, c) => {
          v.count += 1;
          v.placed += c.placed;
        },
      );
      const byMonth = group(
        payments,
        (p) =>
          `${p.c.portfolio_id}|${month(day(p.c.placed_at))}|${p.currency}|${monthIndex(month(day(p.received_at))) - monthIndex(month(day(p.c.placed_at)))}`,
        () => ({ amount: 0 }),
        (v, p) => {
          v.amount += p.amount;
        },
      );
      const rows = [];
      for (const [k, v] of cohorts) {
        const [portfolioId = '', placementMonth = '', currency = ''] = k.split('|');
        let cumulative = 0;
        const last = Math.max(0, monthIndex(month(TODAY)) - monthIndex(placementMonth));
        for (let m = 0; m <= last; m++) {
          const inMonth = byMonth.get(`${k}|${m}`)?.amount ?? 0;
          cumulative += inMonth;
          rows.push({
            portfolioId,
            portfolioName: pname(portfolioId),
            placementMonth,
            currency,
            caseCount: v.count,
            placedMinor: v.placed,
            monthsSince: m,
            collectedMinor: inMonth,
            cumulativeMinor: cumulative,
            recoveryRate: rate(cumulative, v.placed),
          });
        }
      }
      return rows;
    }
    case 'liquidation': {
      const rows = [];
      const keys = new Set([
        ...raw.cases.filter((c) => inPortfolio(c.portfolio_id)).map((c) => `${c.portfolio_id}|${c.currency}`),
        ...payments.map((p) => `${p.c.portfolio_id}|${p.currency}`),
      ]);
      for (const key of keys) {
        const [portfolioId = '', currency = ''] = key.split('|');
        const cases = raw.cases.filter((c) => c.portfolio_id === portfolioId && c.currency === currency);
        const pays = payments.filter((p) => p.c.portfolio_id === portfolioId && p.currency === currency);
        const starts = [
          ...cases.map((c) => month(day(c.placed_at))),
          ...pays.map((p) => month(day(p.received_at))),
        ]
          .filter((m) => m <= month(f.to))
          .sort();
        if (starts.length === 0) continue;
        for (let m = starts[0]!; m <= month(f.to); m = addMonths(m, 1)) {
          if (m < month(f.from)) continue;
          const placedBefore = cases
            .filter((c) => month(day(c.placed_at)) < m)
            .reduce((s, c) => s + c.placed, 0);
          const placedIn = cases
            .filter((c) => month(day(c.placed_at)) === m)
            .reduce((s, c) => s + c.placed, 0);
          const paidBefore = pays
            .filter((p) => month(day(p.received_at)) < m)
            .reduce((s, p) => s + p.amount, 0);
          const paidIn = pays
            .filter((p) => month(day(p.received_at)) === m)
            .reduce((s, p) => s + p.amount, 0);
          rows.push({
            month: m,
            portfolioId,
            portfolioName: pname(portfolioId),
            currency,
            openingMinor: placedBefore - paidBefore,
            placedMinor: placedIn,
            collectedMinor: paidIn,
            liquidationRate: rate(paidIn, placedBefore - paidBefore + placedIn),
          });
        }
      }
      return rows;
    }
    case 'rollRates': {
      const lastCompleted = monthStart(NOW, -1);
      const counts = new Map<string, number>();
      for (let m = month(f.from); m <= month(f.to) && m <= lastCompleted; m = addMonths(m, 1)) {
        const start = new Date(`${m}T00:00:00Z`);
        const end = new Date(`${addMonths(m, 1)}T00:00:00Z`);
        const lastDayBefore = day(new Date(start.getTime() - 86_400_000));
        const lastDay = day(new Date(end.getTime() - 86_400_000));
        for (const c of raw.cases) {
          if (!inPortfolio(c.portfolio_id) || c.placed_at >= end) continue;
          if (c.closed_at && c.closed_at < start) continue;
          const from = c.placed_at >= start ? 'new' : bucketFor(daysPastDue(c.due_date, lastDayBefore));
          const to =
            c.closed_at && c.closed_at < end ? 'closed' : bucketFor(daysPastDue(c.due_date, lastDay));
          const k = `${m}|${from}|${to}`;
          counts.set(k, (counts.get(k) ?? 0) + 1);
        }
      }
      const fromCounts = new Map<string, number>();
      for (const [k, n] of counts) {
        const [m, from] = k.split('|');
        fromCounts.set(`${m}|${from}`, (fromCounts.get(`${m}|${from}`) ?? 0) + n);
      }
      return [...counts].map(([k, n]) => {
        const [m = '', fromBucket = '', toBucket = ''] = k.split('|');
        const fromCount = fromCounts.get(`${m}|${fromBucket}`)!;
        return { month: m, fromBucket, toBucket, caseCount: n, fromCount, rollRate: rate(n, fromCount) };
      });
    }
    case 'promiseKept': {
      const g = group(
        promises,
        (p) => `${month(p.due_date)}|${p.c.portfolio_id}|${p.currency}`,
        () => ({ kept: 0, broken: 0, keptMinor: 0, brokenMinor: 0 }),
        (v, p) => {
          if (p.status === 'kept') {
            v.kept += 1;
            v.keptMinor += p.amount;
          } else {
            v.broken += 1;
            v.brokenMinor += p.amount;
          }
        },
      );
      return [...g].map(([k, v]) => {
        const [m, portfolioId = '', currency] = k.split('|');
        return {
          month: m,
          portfolioId,
          portfolioName: pname(portfolioId),
          currency,
          keptCount: v.kept,
          brokenCount: v.broken,
          keptMinor: v.keptMinor,
          brokenMinor: v.brokenMinor,
          keptRate: rate(v.kept, v.kept + v.broken),
        };
      });
    }
    case 'rightParty': {
      const g = group(
        contacts.filter((l) => inDays(day(l.occurred_at)) && isCall(l)),
        (l) => `${month(day(l.occurred_at))}|${l.c.portfolio_id}`,
        () => ({ attempts: 0, rpc: 0 }),
        (v, l) => {
          v.attempts += 1;
          if (isRpc(l)) v.rpc += 1;
        },
      );
      return [...g].map(([k, v]) => {
        const [m, portfolioId = ''] = k.split('|');
        return {
          month: m,
          portfolioId,
          portfolioName: pname(portfolioId),
          callAttempts: v.attempts,
          rightPartyContacts: v.rpc,
          rightPartyRate: rate(v.rpc, v.attempts),
        };
      });
    }
    case 'contactsPerCollected': {
      const out = new Map<string, { contacts: number; collected: number }>();
      const at = (k: string) => {
        let v = out.get(k);
        if (!v) {
          v = { contacts: 0, collected: 0 };
          out.set(k, v);
        }
        return v;
      };
      for (const l of contacts)
        if (inDays(day(l.occurred_at))) at(`${l.c.portfolio_id}|${l.c.currency}`).contacts++;
      for (const p of payments)
        if (inDays(day(p.received_at))) at(`${p.c.portfolio_id}|${p.currency}`).collected += p.amount;
      return [...out]
        .filter(([, v]) => v.contacts > 0 || v.collected !== 0)
        .map(([k, v]) => {
          const [portfolioId = '', currency = ''] = k.split('|');
          return {
            portfolioId,
            portfolioName: pname(portfolioId),
            currency,
            contacts: v.contacts,
            collectedMinor: v.collected,
            contactsPerThousand: rate(v.contacts * 1000 * 10 ** minorDigits(currency), v.collected),
          };
        });
    }
    case 'agentLeague':
    case 'teamLeague': {
      const out = new Map<string, Figures>();
      const who = (agent: string | null) =>
        name === 'agentLeague' ? agent : (raw.users.get(agent ?? '')?.teamId ?? null);
      const at = (owner: string | null, currency: string) => {
        const k = `${owner}|${currency}`;
        let v = out.get(k);
        if (!v) {
          v = {
            owner,
            currency,
            collected: 0,
            payments: 0,
            contacts: 0,
            attempts: 0,
            rpc: 0,
            kept: 0,
            broken: 0,
          };
          out.set(k, v);
        }
        return v;
      };
      for (const p of payments) {
        if (!inDays(day(p.received_at))) continue;
        const v = at(who(p.c.assigned_agent_id), p.currency);
        v.collected += p.amount;
        if (p.amount > 0) v.payments += 1;
      }
      for (const l of contacts) {
        if (!inDays(day(l.occurred_at))) continue;
        const v = at(who(l.agent_id), l.c.currency);
        v.contacts += 1;
        if (isCall(l)) v.attempts += 1;
        if (isRpc(l)) v.rpc += 1;
      }
      for (const p of promises) {
        const v = at(who(p.created_by), p.currency);
        if (p.status === 'kept') v.kept += 1;
        else v.broken += 1;
      }
      return [...out.values()].map((v) => {
        const figures = {
          currency: v.currency,
          collectedMinor: v.collected,
          paymentCount: v.payments,
          contacts: v.contacts,
          callAttempts: v.attempts,
          rightPartyContacts: v.rpc,
          keptCount: v.kept,
          brokenCount: v.broken,
          rightPartyRate: rate(v.rpc, v.attempts),
          keptRate: rate(v.kept, v.kept + v.broken),
        };
        if (name === 'agentLeague') {
          const person = v.owner ? raw.users.get(v.owner) : undefined;
          return {
            agentId: v.owner,
            agentName: person?.name ?? null,
            teamName: person?.teamName ?? null,
            ...figures,
          };
        }
        const teamName =
          [...raw.users.values()].find((u) => u.teamId === v.owner && v.owner)?.teamName ?? null;
        return { teamId: v.owner, teamName, ...figures };
      });
    }
    case 'agency': {
      const g = group(
        raw.placements.filter((p) => inPortfolio(caseOf.get(p.case_id)!.portfolio_id)),
        (p) => `${p.agency_id}|${p.currency}`,
        () => ({ name: '', pc: 0, pm: 0, rc: 0, rm: 0, oc: 0, om: 0 }),
        (v, p) => {
          v.name = p.agency_name;
          if (inDays(day(p.placed_at))) {
            v.pc += 1;
            v.pm += p.amount;
          }
          if (p.recalled_at && inDays(day(p.recalled_at))) {
            v.rc += 1;
            v.rm += p.amount;
          }
          if (p.status === 'placed') {
            v.oc += 1;
            v.om += p.amount;
          }
        },
      );
      return [...g]
        .filter(([, v]) => v.pc + v.rc + v.oc > 0)
        .map(([k, v]) => {
          const [agencyId, currency] = k.split('|');
          return {
            agencyId,
            agencyName: v.name,
            currency,
            placedCount: v.pc,
            placedMinor: v.pm,
            recalledCount: v.rc,
            recalledMinor: v.rm,
            openCount: v.oc,
            openMinor: v.om,
          };
        });
    }
  }
}

interface Figures {
  owner: string | null;
  currency: string;
  collected: number;
  payments: number;
  contacts: number;
  attempts: number;
  rpc: number;
  kept: number;
  broken: number;
}

const canonical = (rows: ReadonlyArray<object>) => rows.map((r) => JSON.stringify(r)).sort();

async function actual(name: ReportName, filters: ReportFilters, grain: 'day' | 'week' | 'month' = 'month') {
  const { caller } = callerFor(handle.db, manager, { now: NOW });
  if (name === 'collected') return caller.reports.collected({ filters, grain });
  return caller.reports[name]({ filters }) as Promise<ReadonlyArray<object>>;
}

// ---- the book -------------------------------------------------------------------------------------------

beforeAll(async () => {
  handle = await createTestDatabase();
  const db = handle.db;
  await seedDemoBook(db, { cases: 300, seed: 5, now: NOW });
  manager = await buildUser(db, 'manager');
  // More writes after the seed, each through the triggers: a reversal, promises settling, agency placements
  // in both currencies, one recalled.
  const [paid] = await queryRows<{ id: number; case_id: string; amount_minor: number; currency: string }>(
    db,
    sql`select id, case_id, amount_minor, currency from payments order by id limit 1`,
  );
  await db.execute(sql`insert into payments (case_id, amount_minor, currency, method, idempotency_key, reverses_id,
      allocated_principal_minor, received_at)
    values (${paid!.case_id}, ${-Number(paid!.amount_minor)}, ${paid!.currency}, 'card', 'reconcile-reversal',
      ${paid!.id}, ${-Number(paid!.amount_minor)}, '2026-11-19T23:59:59Z')`);
  await db.execute(sql`update promises set status = 'kept', resolved_at = ${NOW.toISOString()}
    where id in (select id from promises where status = 'pending' order by id limit 3)`);
  await db.execute(sql`update promises set status = 'broken', resolved_at = ${NOW.toISOString()}
    where id in (select id from promises where status = 'pending' order by id limit 2)`);
  const agencyA = await buildAgency(db, { name: 'Reconcile Agency A' });
  const agencyB = await buildAgency(db, { name: 'Reconcile Agency B' });
  await db.execute(sql`
    insert into agency_placements (case_id, agency_id, status, balance_at_placement_minor, currency, commission_bps, placed_at)
    select c.id, case when row_number() over (order by c.id) % 2 = 0 then ${agencyA.id}::uuid else ${agencyB.id}::uuid end,
           'placed', c.balance_minor, c.currency, 2500,
           timestamptz '2026-06-01T00:00:00Z' + (row_number() over (order by c.id)) * interval '3 days'
      from cases c where c.status = 'active' and c.balance_minor > 0
     order by c.id limit 40`);
  await db.execute(sql`update agency_placements set status = 'recalled', recalled_at = '2026-11-01T00:00:00Z',
      recall_reason = 'no movement'
    where id in (select id from agency_placements where agency_id = ${agencyA.id} order by id limit 5)`);
  await db.transaction(async (tx) => {
    for (
      let m = monthStart(new Date('2024-01-01T00:00:00Z'));
      m <= monthStart(NOW, -1);
      m = monthStart(new Date(`${m}T00:00:00Z`), 1)
    ) {
      await snapshotMonth(tx, m);
    }
  });
  raw = await loadRaw(db);
}, 240_000);
afterAll(() => handle?.close());

describe('every report figure equals the raw rows', () => {
  it('the seeded book has what the reports need', () => {
    expect(raw.cases.length).toBeGreaterThanOrEqual(300);
    expect(new Set(raw.cases.map((c) => c.currency))).toEqual(new Set(['USD', 'CNY']));
    expect(raw.payments.length).toBeGreaterThan(50);
    expect(raw.contacts.length).toBeGreaterThan(1000);
    expect(raw.promises.filter((p) => p.status === 'kept').length).toBeGreaterThan(0);
    expect(raw.placements.filter((p) => p.status === 'recalled').length).toBeGreaterThan(0);
  });

  const whole = () => ({
    from: raw.cases.map((c) => day(c.placed_at)).sort()[0]!,
    to: TODAY,
    portfolioIds: [] as string[],
  });
  const narrow = () => ({
    from: '2026-03-10',
    to: '2026-11-19',
    portfolioIds: [...new Set(raw.cases.map((c) => c.portfolio_id))].sort().slice(0, 3),
  });

  it.each(REPORT_NAMES)('%s over the whole book', async (name) => {
    const filters = whole();
    const rows = await actual(name, filters);
    expect(rows.length).toBeGreaterThan(0);
    expect(canonical(rows)).toEqual(canonical(expected(name, filters)));
  });

  it.each(REPORT_NAMES)('%s over a range and three portfolios', async (name) => {
    const filters = narrow();
    expect(canonical(await actual(name, filters))).toEqual(canonical(expected(name, filters)));
  });

  it.each(['day', 'week'] as const)('collected by %s', async (grain) => {
    const filters = narrow();
    const rows = await actual('collected', filters, grain);
    expect(rows.length).toBeGreaterThan(0);
    expect(canonical(rows)).toEqual(canonical(expected('collected', filters, grain)));
  });

  it('the backfill rebuilds the same rollups the triggers kept', async () => {
    const tables = [
      'report_daily_collections',
      'report_vintage_cohorts',
      'report_vintage_collections',
      'report_daily_contacts',
      'report_daily_promises',
      'report_bucket_rolls',
      'report_agency_balances',
    ];
    const dump = async () => {
      const out: Record<string, string[]> = {};
      for (const table of tables) {
        const rows = await queryRows<Record<string, unknown>>(handle.db, sql.raw(`select * from ${table}`));
        out[table] = rows
          .map((r) =>
            Object.fromEntries(
              Object.entries(r).map(([k, v]) => [k, v instanceof Date ? asDay(v) : String(v)]),
            ),
          )
          // A bucket emptied by status changes stays behind as zeros; the backfill never writes one.
          .filter((r) => !(r.promise_count === '0' || r.placement_count === '0'))
          .map((r) => JSON.stringify(r))
          .sort();
      }
      return out;
    };
    const before = await dump();
    // As `pnpm reports:backfill` runs it: as the owner (it truncates the rollups, decision 021).
    await asOwner(handle, (owner) => backfillReportRollups(owner, NOW));
    expect(await dump()).toEqual(before);
  });
});
