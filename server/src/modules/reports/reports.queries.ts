import { minorDigits } from '@arrears/shared/domain/money';
import {
  type AgencyRow,
  type AgentLeagueRow,
  type CollectedRow,
  type ContactsPerCollectedRow,
  type LiquidationRow,
  type PromiseKeptRow,
  type ReportFilters,
  type ReportGrain,
  type RightPartyRow,
  type RollRateRow,
  ratio,
  type TeamLeagueRow,
  type VintageRow,
} from '@arrears/shared/schemas/reports';
import { asc } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client.ts';
import { portfolios } from '../../db/schema/index.ts';
import * as statements from './reports.statements.ts';
import { monthStart } from './rollups.ts';

/**
 * The recovery reports, read from the rollups (decision record 011) by the statements of reports.statements.ts.
 * Every query groups money by currency; days are UTC days. Rates are computed here, in JS, from the integer sums
 * (`ratio`).
 */

const n = (value: unknown): number => Number(value ?? 0);
/** Code-point order: stable for the same input and much cheaper than localeCompare on long reports. */
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** `YYYY-MM-01` of a `YYYY-MM-DD` day. */
const monthOf = (day: string): string => `${day.slice(0, 7)}-01`;
const nextMonth = (month: string): string => monthStart(new Date(`${month}T00:00:00Z`), 1);
function monthsBetween(from: string, to: string): number {
  return (
    (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 +
    Number(to.slice(5, 7)) -
    Number(from.slice(5, 7))
  );
}

/** A row's portfolio: its id and its name (empty when the portfolio is gone), in the report rows' key order. */
const portfolioOf = (names: Map<string, string>, row: Record<string, unknown>) => {
  const portfolioId = String(row.portfolio_id);
  return { portfolioId, portfolioName: names.get(portfolioId) ?? '' };
};

async function portfolioNames(db: Executor): Promise<Map<string, string>> {
  const rows = await db.select({ id: portfolios.id, name: portfolios.name }).from(portfolios);
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function listPortfolios(db: Executor) {
  return db
    .select({ id: portfolios.id, name: portfolios.name, currency: portfolios.currency })
    .from(portfolios)
    .orderBy(asc(portfolios.name));
}

export async function collectedReport(
  db: Executor,
  filters: ReportFilters,
  grain: ReportGrain,
): Promise<CollectedRow[]> {
  const names = await portfolioNames(db);
  const rows = await queryRows<Record<string, unknown>>(db, statements.collectedByPeriod(filters, grain));
  return rows
    .map((r) => ({
      period: String(r.period),
      ...portfolioOf(names, r),
      currency: String(r.currency),
      amountMinor: n(r.amount),
      paymentCount: n(r.count),
    }))
    .sort(
      (a, b) =>
        cmp(a.period, b.period) || cmp(a.portfolioName, b.portfolioName) || cmp(a.currency, b.currency),
    );
}

/** Cohorts placed in the months of the range, each followed month by month up to the current month. */
export async function vintageReport(db: Executor, filters: ReportFilters, now: Date): Promise<VintageRow[]> {
  const names = await portfolioNames(db);
  const [first, last] = [monthOf(filters.from), monthOf(filters.to)];
  const [cohorts, collections] = await Promise.all([
    queryRows<Record<string, unknown>>(db, statements.vintageCohorts(filters, first, last)),
    queryRows<Record<string, unknown>>(db, statements.vintageCollected(filters, first, last)),
  ]);
  const collected = new Map<string, number>();
  for (const r of collections) {
    collected.set(`${r.portfolio_id}|${r.month}|${r.currency}|${r.months_since}`, n(r.amount_minor));
  }
  const current = monthStart(now);
  const rows: VintageRow[] = [];
  for (const c of cohorts) {
    const month = String(c.month);
    const last = Math.max(0, monthsBetween(month, current));
    let cumulative = 0;
    for (let m = 0; m <= last; m += 1) {
      const inMonth = collected.get(`${c.portfolio_id}|${month}|${c.currency}|${m}`) ?? 0;
      cumulative += inMonth;
      rows.push({
        ...portfolioOf(names, c),
        placementMonth: month,
        currency: String(c.currency),
        caseCount: n(c.case_count),
        placedMinor: n(c.placed_minor),
        monthsSince: m,
        collectedMinor: inMonth,
        cumulativeMinor: cumulative,
        recoveryRate: ratio(cumulative, n(c.placed_minor)),
      });
    }
  }
  return rows.sort(
    (a, b) =>
      cmp(a.portfolioName, b.portfolioName) ||
      cmp(a.placementMonth, b.placementMonth) ||
      cmp(a.currency, b.currency) ||
      a.monthsSince - b.monthsSince,
  );
}

/** Per month of the range: collected in the month ÷ (placed before it − collected before it + placed in it). */
export async function liquidationReport(db: Executor, filters: ReportFilters): Promise<LiquidationRow[]> {
  const names = await portfolioNames(db);
  const firstMonth = monthOf(filters.from);
  const afterLast = nextMonth(monthOf(filters.to));
  const [placed, collected] = await Promise.all([
    queryRows<Record<string, unknown>>(db, statements.placedByMonth(filters, afterLast)),
    queryRows<Record<string, unknown>>(db, statements.collectedByMonth(filters, afterLast)),
  ]);
  type Series = { placed: Map<string, number>; collected: Map<string, number> };
  const series = new Map<string, Series>();
  const of = (r: Record<string, unknown>) => {
    const key = `${r.portfolio_id}|${r.currency}`;
    let s = series.get(key);
    if (!s) {
      s = { placed: new Map(), collected: new Map() };
      series.set(key, s);
    }
    return s;
  };
  for (const r of placed) of(r).placed.set(String(r.month), n(r.amount));
  for (const r of collected) of(r).collected.set(String(r.month), n(r.amount));
  const rows: LiquidationRow[] = [];
  for (const [key, s] of series) {
    const [portfolioId = '', currency = ''] = key.split('|');
    const months = [...s.placed.keys(), ...s.collected.keys()].sort();
    let placedBefore = 0;
    let collectedBefore = 0;
    for (let month = months[0] ?? afterLast; month < afterLast; month = nextMonth(month)) {
      const placedIn = s.placed.get(month) ?? 0;
      const collectedIn = s.collected.get(month) ?? 0;
      if (month >= firstMonth) {
        const opening = placedBefore - collectedBefore;
        rows.push({
          month,
          portfolioId,
          portfolioName: names.get(portfolioId) ?? '',
          currency,
          openingMinor: opening,
          placedMinor: placedIn,
          collectedMinor: collectedIn,
          liquidationRate: ratio(collectedIn, opening + placedIn),
        });
      }
      placedBefore += placedIn;
      collectedBefore += collectedIn;
    }
  }
  return rows.sort(
    (a, b) => cmp(a.month, b.month) || cmp(a.portfolioName, b.portfolioName) || cmp(a.currency, b.currency),
  );
}

export async function rollRatesReport(db: Executor, filters: ReportFilters): Promise<RollRateRow[]> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    statements.bucketRolls(filters, monthOf(filters.from), monthOf(filters.to)),
  );
  const fromCounts = new Map<string, number>();
  for (const r of rows) {
    const key = `${r.month}|${r.from_bucket}`;
    fromCounts.set(key, (fromCounts.get(key) ?? 0) + n(r.count));
  }
  return rows
    .map((r) => {
      const fromCount = fromCounts.get(`${r.month}|${r.from_bucket}`) ?? 0;
      return {
        month: String(r.month),
        fromBucket: String(r.from_bucket),
        toBucket: String(r.to_bucket),
        caseCount: n(r.count),
        fromCount,
        rollRate: ratio(n(r.count), fromCount),
      };
    })
    .sort(
      (a, b) =>
        cmp(a.month, b.month) ||
        bucketOrder(a.fromBucket) - bucketOrder(b.fromBucket) ||
        bucketOrder(a.toBucket) - bucketOrder(b.toBucket),
    );
}

const BUCKET_ORDER = [
  'new',
  'current',
  'dpd_1_30',
  'dpd_31_60',
  'dpd_61_90',
  'dpd_91_120',
  'dpd_121_180',
  'dpd_181_plus',
  'closed',
];
const bucketOrder = (bucket: string) => BUCKET_ORDER.indexOf(bucket);

/** Promises due in the range, by due month: kept ÷ (kept + broken). */
export async function promiseKeptReport(db: Executor, filters: ReportFilters): Promise<PromiseKeptRow[]> {
  const names = await portfolioNames(db);
  const rows = await queryRows<Record<string, unknown>>(db, statements.promisesKeptByMonth(filters));
  return rows
    .map((r) => ({
      month: String(r.month),
      ...portfolioOf(names, r),
      currency: String(r.currency),
      keptCount: n(r.kept),
      brokenCount: n(r.broken),
      keptMinor: n(r.kept_minor),
      brokenMinor: n(r.broken_minor),
      keptRate: ratio(n(r.kept), n(r.kept) + n(r.broken)),
    }))
    .filter((r) => r.keptCount + r.brokenCount > 0)
    .sort(
      (a, b) => cmp(a.month, b.month) || cmp(a.portfolioName, b.portfolioName) || cmp(a.currency, b.currency),
    );
}

/** Outbound calls in the range by month: reached the debtor (conversation) ÷ attempts. */
export async function rightPartyReport(db: Executor, filters: ReportFilters): Promise<RightPartyRow[]> {
  const names = await portfolioNames(db);
  const rows = await queryRows<Record<string, unknown>>(db, statements.rightPartyByMonth(filters));
  return rows
    .map((r) => ({
      month: String(r.month),
      ...portfolioOf(names, r),
      callAttempts: n(r.attempts),
      rightPartyContacts: n(r.rpc),
      rightPartyRate: ratio(n(r.rpc), n(r.attempts)),
    }))
    .sort((a, b) => cmp(a.month, b.month) || cmp(a.portfolioName, b.portfolioName));
}

/** Contacts per 1,000 major units collected = contacts × 1000 × 10^digits ÷ collected minor units. */
export function contactsPerThousand(
  contacts: number,
  collectedMinor: number,
  currency: string,
): number | null {
  return ratio(contacts * 1000 * 10 ** minorDigits(currency), collectedMinor);
}

export async function contactsPerCollectedReport(
  db: Executor,
  filters: ReportFilters,
): Promise<ContactsPerCollectedRow[]> {
  const names = await portfolioNames(db);
  const [contacts, collected] = await Promise.all([
    queryRows<Record<string, unknown>>(db, statements.contactsByPortfolio(filters)),
    queryRows<Record<string, unknown>>(db, statements.collectedByPortfolio(filters)),
  ]);
  const merged = new Map<string, ContactsPerCollectedRow>();
  const row = (r: Record<string, unknown>) => {
    const key = `${r.portfolio_id}|${r.currency}`;
    let m = merged.get(key);
    if (!m) {
      m = {
        ...portfolioOf(names, r),
        currency: String(r.currency),
        contacts: 0,
        collectedMinor: 0,
        contactsPerThousand: null,
      };
      merged.set(key, m);
    }
    return m;
  };
  for (const r of contacts) row(r).contacts = n(r.v);
  for (const r of collected) row(r).collectedMinor = n(r.v);
  return [...merged.values()]
    .map((m) => ({
      ...m,
      contactsPerThousand: contactsPerThousand(m.contacts, m.collectedMinor, m.currency),
    }))
    .filter((m) => m.contacts > 0 || m.collectedMinor !== 0)
    .sort((a, b) => cmp(a.portfolioName, b.portfolioName) || cmp(a.currency, b.currency));
}

type LeagueFigures = Omit<AgentLeagueRow, 'agentId' | 'agentName' | 'teamName' | 'currency'>;
const emptyFigures = (): LeagueFigures => ({
  collectedMinor: 0,
  paymentCount: 0,
  contacts: 0,
  callAttempts: 0,
  rightPartyContacts: 0,
  keptCount: 0,
  brokenCount: 0,
  rightPartyRate: null,
  keptRate: null,
});

/** Figures per (agent, currency) in the range; agent null is money on pool cases and automated contacts. */
async function agentFigures(db: Executor, filters: ReportFilters) {
  const [collected, contacts, promises] = await Promise.all([
    queryRows<Record<string, unknown>>(db, statements.collectedByAgent(filters)),
    queryRows<Record<string, unknown>>(db, statements.contactsByAgent(filters)),
    queryRows<Record<string, unknown>>(db, statements.promisesKeptByAgent(filters)),
  ]);
  const figures = new Map<string, { agentId: string | null; currency: string } & LeagueFigures>();
  const at = (r: Record<string, unknown>) => {
    const agentId = r.agent_id === null || r.agent_id === undefined ? null : String(r.agent_id);
    const key = `${agentId}|${r.currency}`;
    let f = figures.get(key);
    if (!f) {
      f = { agentId, currency: String(r.currency), ...emptyFigures() };
      figures.set(key, f);
    }
    return f;
  };
  for (const r of collected) {
    const f = at(r);
    f.collectedMinor += n(r.amount);
    f.paymentCount += n(r.count);
  }
  for (const r of contacts) {
    const f = at(r);
    f.contacts += n(r.contacts);
    f.callAttempts += n(r.attempts);
    f.rightPartyContacts += n(r.rpc);
  }
  for (const r of promises) {
    const f = at(r);
    f.keptCount += n(r.kept);
    f.brokenCount += n(r.broken);
  }
  return [...figures.values()];
}

function withRates<T extends LeagueFigures>(f: T): T {
  return {
    ...f,
    rightPartyRate: ratio(f.rightPartyContacts, f.callAttempts),
    keptRate: ratio(f.keptCount, f.keptCount + f.brokenCount),
  };
}

async function people(db: Executor) {
  const rows = await queryRows<Record<string, unknown>>(db, statements.usersWithTeams());
  return new Map(
    rows.map((r) => [
      String(r.id),
      {
        name: String(r.name),
        teamId: r.team_id ? String(r.team_id) : null,
        teamName: r.team_name ? String(r.team_name) : null,
      },
    ]),
  );
}

const byMoney = (
  a: { currency: string; collectedMinor: number },
  b: { currency: string; collectedMinor: number },
) => cmp(a.currency, b.currency) || b.collectedMinor - a.collectedMinor;

export async function agentLeagueReport(db: Executor, filters: ReportFilters): Promise<AgentLeagueRow[]> {
  const [figures, who] = await Promise.all([agentFigures(db, filters), people(db)]);
  return figures
    .map((f) => {
      const person = f.agentId ? who.get(f.agentId) : undefined;
      return withRates({ ...f, agentName: person?.name ?? null, teamName: person?.teamName ?? null });
    })
    .sort((a, b) => byMoney(a, b) || cmp(a.agentName ?? '', b.agentName ?? ''));
}

/** Agents' figures added up by each agent's team (users.team_id); no agent or no team is a row of its own. */
export async function teamLeagueReport(db: Executor, filters: ReportFilters): Promise<TeamLeagueRow[]> {
  const [figures, who] = await Promise.all([agentFigures(db, filters), people(db)]);
  const teams = new Map<string, TeamLeagueRow>();
  for (const f of figures) {
    const person = f.agentId ? who.get(f.agentId) : undefined;
    const teamId = person?.teamId ?? null;
    const key = `${teamId}|${f.currency}`;
    let t = teams.get(key);
    if (!t) {
      t = { teamId, teamName: person?.teamName ?? null, currency: f.currency, ...emptyFigures() };
      teams.set(key, t);
    }
    t.collectedMinor += f.collectedMinor;
    t.paymentCount += f.paymentCount;
    t.contacts += f.contacts;
    t.callAttempts += f.callAttempts;
    t.rightPartyContacts += f.rightPartyContacts;
    t.keptCount += f.keptCount;
    t.brokenCount += f.brokenCount;
  }
  return [...teams.values()]
    .map(withRates)
    .sort((a, b) => byMoney(a, b) || cmp(a.teamName ?? '', b.teamName ?? ''));
}

/** Agency balances: placed and recalled in the range (UTC days), and still placed now (report_agency_balances). */
export async function agencyReport(db: Executor, filters: ReportFilters): Promise<AgencyRow[]> {
  const rows = await queryRows<Record<string, unknown>>(db, statements.agencyBalances(filters));
  return rows
    .map((r) => ({
      agencyId: String(r.agency_id),
      agencyName: String(r.agency_name),
      currency: String(r.currency),
      placedCount: n(r.placed_count),
      placedMinor: n(r.placed_minor),
      recalledCount: n(r.recalled_count),
      recalledMinor: n(r.recalled_minor),
      openCount: n(r.open_count),
      openMinor: n(r.open_minor),
    }))
    .filter((r) => r.placedCount + r.recalledCount + r.openCount > 0)
    .sort((a, b) => cmp(a.agencyName, b.agencyName) || cmp(a.currency, b.currency));
}
