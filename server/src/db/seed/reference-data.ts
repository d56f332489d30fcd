import { languageOfTag } from '@arrears/shared/domain/language';
import type { Executor } from '../client.ts';
import * as s from '../schema/index.ts';
import { DEMO_TEAMS, DEMO_USERS, type DemoTeam } from './demo-users.ts';
import { seedId } from './ids.ts';

/** What a creditor lends; it decides balance sizes, interest and fees, and whether there is an app to push to. */
export type Product = 'bnpl' | 'card' | 'utility' | 'consumer_loan' | 'microloan';

export interface CreditorDef {
  name: string;
  country: 'US' | 'CN';
  product: Product;
  /** Account references look like the creditor's own: `SPL-12345678`. */
  accountPrefix: string;
  /** US state codes the creditor places accounts from; Chinese lenders place nationwide. */
  regions: readonly string[];
  weight: number;
  app: string | null;
  /**
   * A Chinese lender's short name: its registered SMS signature (【汇融消费金融】) and the head of its portfolio's
   * name. US creditors go by their full name.
   */
  brand?: string;
}

export const CREDITORS: readonly CreditorDef[] = [
  {
    name: 'ShopPay Later',
    country: 'US',
    product: 'bnpl',
    accountPrefix: 'SPL',
    regions: ['CA', 'TX', 'FL', 'NY', 'IL', 'GA', 'WA', 'MA', 'AZ', 'CO'],
    weight: 45,
    app: 'ShopPay Later app',
  },
  {
    name: 'Keystone Card Services',
    country: 'US',
    product: 'card',
    accountPrefix: 'KCS',
    regions: ['CA', 'TX', 'FL', 'NY', 'IL', 'WA', 'MA'],
    weight: 35,
    app: null,
  },
  {
    name: 'Northwind Power & Light',
    country: 'US',
    product: 'utility',
    accountPrefix: 'NPL',
    regions: ['TX', 'IL', 'FL', 'GA', 'CO', 'AZ'],
    weight: 20,
    app: null,
  },
  {
    name: '汇融消费金融有限公司',
    brand: '汇融消费金融',
    country: 'CN',
    product: 'consumer_loan',
    accountPrefix: 'HR',
    regions: ['CN'],
    weight: 60,
    app: '汇融App',
  },
  {
    name: '金桥小额贷款有限公司',
    brand: '金桥小贷',
    country: 'CN',
    product: 'microloan',
    accountPrefix: 'JQ',
    regions: ['CN'],
    weight: 40,
    app: '金桥钱包',
  },
];

/** Relative weight of each state in the US book (roughly by population). */
const STATE_WEIGHTS: Record<string, number> = {
  CA: 18,
  TX: 16,
  FL: 13,
  NY: 13,
  IL: 9,
  GA: 7,
  WA: 7,
  MA: 6,
  AZ: 6,
  CO: 5,
};

export interface PortfolioDef {
  id: string;
  /** Position in PORTFOLIOS; placement ids are derived from it. */
  index: number;
  creditor: CreditorDef;
  creditorId: string;
  name: string;
  currency: 'USD' | 'CNY';
  country: 'US' | 'CN';
  /** The US state whose rule pack applies; null for China (one national pack). */
  region: string | null;
  team: DemoTeam;
  /** Share of its country's cases. */
  weight: number;
}

export const PORTFOLIOS: readonly PortfolioDef[] = CREDITORS.flatMap((creditor, c) => {
  const regionTotal = creditor.regions.reduce((sum, r) => sum + (STATE_WEIGHTS[r] ?? 1), 0);
  return creditor.regions.map((region) => ({
    creditor,
    c,
    region,
    weight: (creditor.weight * (STATE_WEIGHTS[region] ?? 1)) / regionTotal,
  }));
}).map(({ creditor, c, region, weight }, index) => ({
  id: seedId('portfolio', index),
  index,
  creditor,
  creditorId: seedId('creditor', c),
  // Chinese lenders place nationwide: one portfolio each, named in Chinese.
  name: creditor.country === 'US' ? `${creditor.name} — ${region}` : `${creditor.brand}（全国）`,
  currency: creditor.country === 'US' ? 'USD' : 'CNY',
  country: creditor.country,
  region: creditor.country === 'US' ? region : null,
  team: creditor.country === 'US' ? 'US Collections' : 'China Collections',
  weight,
}));

export const portfolioFor = (creditorName: string, region: string | null): PortfolioDef => {
  const found = PORTFOLIOS.find((p) => p.creditor.name.startsWith(creditorName) && p.region === region);
  if (!found) throw new Error(`no demo portfolio ${creditorName} ${region}`);
  return found;
};

export const AGENCIES = [
  { name: 'Meridian Recovery Partners', commissionBps: 2500, country: 'US' },
  { name: 'Lakeshore Collection Services', commissionBps: 3000, country: 'US' },
  { name: '华信资产管理有限公司', commissionBps: 2200, country: 'CN' },
] as const;

export const teamId = (team: DemoTeam): string => seedId('team', DEMO_TEAMS.indexOf(team));

const userIds = new Map(DEMO_USERS.map((u, i) => [u.email, seedId('user', i)]));
export const userId = (email: string): string => {
  const id = userIds.get(email);
  if (!id) throw new Error(`no demo user ${email}`);
  return id;
};

/** Teams, the demo sign-ins, creditors, portfolios and agencies: the few rows everything else points at. */
export async function insertReferenceData(
  db: Executor,
  passwordHash: string,
): Promise<Record<string, number>> {
  await db.insert(s.teams).values(DEMO_TEAMS.map((name) => ({ id: teamId(name), name })));
  await db.insert(s.users).values(
    DEMO_USERS.map((u) => ({
      id: userId(u.email),
      email: u.email,
      name: u.name,
      role: u.role,
      teamId: u.team ? teamId(u.team) : null,
      passwordHash,
      locale: u.locale,
      timeZone: u.timeZone,
      language: languageOfTag(u.locale),
    })),
  );
  const supervisorTeams = DEMO_USERS.flatMap((u) =>
    u.supervises.map((team) => ({ supervisorId: userId(u.email), teamId: teamId(team) })),
  );
  await db.insert(s.supervisorTeams).values(supervisorTeams);
  await db
    .insert(s.creditors)
    .values(CREDITORS.map((c, i) => ({ id: seedId('creditor', i), name: c.name, country: c.country })));
  await db.insert(s.portfolios).values(
    PORTFOLIOS.map((p) => ({
      id: p.id,
      creditorId: p.creditorId,
      name: p.name,
      currency: p.currency,
      jurisdictionCountry: p.country,
      jurisdictionRegion: p.region,
    })),
  );
  await db
    .insert(s.agencies)
    .values(
      AGENCIES.map((a, i) => ({ id: seedId('agency', i), name: a.name, commissionBps: a.commissionBps })),
    );
  return {
    teams: DEMO_TEAMS.length,
    users: DEMO_USERS.length,
    supervisorTeams: supervisorTeams.length,
    creditors: CREDITORS.length,
    portfolios: PORTFOLIOS.length,
    agencies: AGENCIES.length,
  };
}
