import { RULESET_VERSION } from '@arrears/shared/compliance/packs';
import type { Role } from '@arrears/shared/domain/enums';
import type { SessionUser } from '@arrears/shared/schemas/auth';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/client.ts';
import { auditEvents, portfolios } from '../../server/src/db/schema/index.ts';
import { buildPortfolio, buildUser } from './support/builders.ts';
import { callerFor } from './support/caller.ts';
import { createTestDatabase } from './support/db.ts';

let handle: DatabaseHandle;
const users = {} as Record<Role, SessionUser>;
let portfolioId: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  for (const role of ['agent', 'supervisor', 'manager', 'admin'] as const) {
    users[role] = await buildUser(handle.db, role);
  }
});
afterAll(() => handle.close());

beforeEach(async () => {
  portfolioId = (await buildPortfolio(handle.db, { region: 'MA' })).id;
});

const as = (role: Role) => callerFor(handle.db, users[role]).caller;

async function storedPortfolio() {
  const [row] = await handle.db.select().from(portfolios).where(eq(portfolios.id, portfolioId));
  return row!;
}

function auditRows() {
  return handle.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, 'portfolio'), eq(auditEvents.entityId, portfolioId)));
}

function update(overrides: Record<string, number>, expectedVersion = 1, role: Role = 'admin') {
  return as(role).rules.updatePortfolioParameters({ portfolioId, expectedVersion, overrides });
}

/** The error a call fails with, for asserting on its code, message and details. */
async function failure(call: Promise<unknown>) {
  const error = await call.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e,
  );
  return error as { code: string; message: string; details?: { fieldErrors?: Record<string, string[]> } };
}

/** Nothing was written: the overrides, the version and the audit log are as the portfolio was built. */
async function expectUnchanged() {
  const row = await storedPortfolio();
  expect(row.ruleParametersVersion).toBe(1);
  expect(row.ruleParameters).toEqual({});
  expect(await auditRows()).toEqual([]);
}

describe('rules.catalog', () => {
  it('lists each pack with its rules, sources and parameters, and the rule set version', async () => {
    const catalog = await as('supervisor').rules.catalog();
    expect(catalog.rulesetVersion).toBe(RULESET_VERSION);
    const us = catalog.packs.find((pack) => pack.id === 'US')!;
    expect(us.kind).toBe('legal');
    expect(us.rules.find((rule) => rule.id === 'US-REGF-7IN7')).toMatchObject({
      effect: 'block',
      source: { en: '12 CFR 1006.14(b)(2)(i)(A)', zh: '12 CFR 1006.14(b)(2)(i)(A)' },
      appliesTo: ['call', 'autodial_call', 'voicemail'],
    });
    expect(us.parameters.find((p) => p.key === 'US-REGF-7IN7.maxCalls')).toMatchObject({
      unit: 'count',
      defaultValue: 7,
      legal: true,
      tightens: 'lower',
    });
    expect(catalog.packs.find((pack) => pack.id === 'POLICY')?.kind).toBe('policy');
  });
});

describe('rules.portfolios', () => {
  it('shows the packs that apply, the effective values and the stamp decisions carry', async () => {
    const { portfolios: rows } = await as('manager').rules.portfolios();
    const row = rows.find((p) => p.id === portfolioId)!;
    expect(row.packIds).toEqual(['US', 'US-MA', 'POLICY']);
    expect(row.jurisdiction).toEqual({ country: 'US', region: 'MA' });
    expect(row.overrides).toEqual({});
    expect(row.effective['US-MA-FREQ.personalMax']).toBe(2);
    expect(row.effective['CN-CBA-DIALS.max']).toBeUndefined();
    expect(row.ruleParametersVersion).toBe(1);
    expect(row.decisionStamp).toBe(`${RULESET_VERSION}+p1`);
    expect(row.problems).toEqual([]);
  });
});

describe('rules.updatePortfolioParameters', () => {
  it('tightens parameters, moves the version and audits the old and new values', async () => {
    const result = await update({ 'US-REGF-7IN7.maxCalls': 5, 'US-REGF-TIME.start': 9 * 60 });

    expect(result.ruleParametersVersion).toBe(2);
    expect(result.decisionStamp).toBe(`${RULESET_VERSION}+p2`);
    expect(result.overrides).toEqual({ 'US-REGF-7IN7.maxCalls': 5, 'US-REGF-TIME.start': 540 });
    expect(result.effective['US-REGF-7IN7.maxCalls']).toBe(5);
    const row = await storedPortfolio();
    expect(row.ruleParametersVersion).toBe(2);
    expect(row.ruleParameters).toEqual({ 'US-REGF-7IN7.maxCalls': 5, 'US-REGF-TIME.start': 540 });

    const audit = await auditRows();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: users.admin.id,
      action: 'portfolio.rule_parameters.update',
      before: {
        ruleParametersVersion: 1,
        overrides: {},
        values: { 'US-REGF-7IN7.maxCalls': 7, 'US-REGF-TIME.start': 480 },
      },
      after: {
        ruleParametersVersion: 2,
        overrides: { 'US-REGF-7IN7.maxCalls': 5, 'US-REGF-TIME.start': 540 },
        values: { 'US-REGF-7IN7.maxCalls': 5, 'US-REGF-TIME.start': 540 },
        rulesetVersion: RULESET_VERSION,
      },
    });
  });

  it('refuses to loosen a legal limit with a message naming the limit and the value, and changes nothing', async () => {
    const error = await failure(update({ 'US-REGF-7IN7.maxCalls': 8 }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toBe(
      'US-REGF-7IN7.maxCalls may only be lowered: the legal limit is 7, 8 was asked',
    );
    expect(error.details?.fieldErrors).toEqual({
      'overrides.US-REGF-7IN7.maxCalls': [
        'US-REGF-7IN7.maxCalls may only be lowered: the legal limit is 7, 8 was asked',
      ],
    });
    await expectUnchanged();
  });

  it('refuses the whole change when one of several parameters loosens, naming each one', async () => {
    const error = await failure(
      update({ 'US-REGF-7IN7.maxCalls': 4, 'US-REGF-TIME.start': 7 * 60, 'US-MA-FREQ.otherDays': 20 }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain(
      'US-REGF-TIME.start may only be made later: the legal limit is 08:00, 07:00 was asked',
    );
    expect(error.message).toContain(
      'US-MA-FREQ.otherDays may only be raised: the legal limit is 30, 20 was asked',
    );
    expect(Object.keys(error.details?.fieldErrors ?? {}).sort()).toEqual([
      'overrides.US-MA-FREQ.otherDays',
      'overrides.US-REGF-TIME.start',
    ]);
    await expectUnchanged();
  });

  it('refuses a parameter outside the portfolio’s packs, and one that does not exist', async () => {
    const chinese = await failure(update({ 'CN-CBA-DIALS.max': 3 }));
    expect(chinese.code).toBe('BAD_REQUEST');
    expect(chinese.message).toBe(
      "CN-CBA-DIALS.max is not a parameter of this portfolio's rule packs (US, US-MA, POLICY)",
    );
    const made_up = await failure(update({ 'US-REGF-7IN7.maxCallz': 3 }));
    expect(made_up.code).toBe('BAD_REQUEST');
    expect(made_up.message).toContain('US-REGF-7IN7.maxCallz is not a parameter');
    await expectUnchanged();
  });

  it('refuses values no rule can use: fractions and a call window that ends before it starts', async () => {
    expect((await failure(update({ 'US-REGF-7IN7.maxCalls': 2.5 }))).message).toMatch(/whole number/);
    const window = await failure(update({ 'US-REGF-TIME.start': 20 * 60, 'US-REGF-TIME.end': 19 * 60 }));
    expect(window.code).toBe('BAD_REQUEST');
    expect(window.message).toMatch(/US-REGF-TIME.start must be before US-REGF-TIME.end/);
    await expectUnchanged();
  });

  it('refuses a stale version with CONFLICT and keeps the newer values', async () => {
    await update({ 'US-REGF-7IN7.maxCalls': 6 });
    const error = await failure(update({ 'US-REGF-7IN7.maxCalls': 4 }, 1));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/changed meanwhile \(version 2, not 1\)/);
    const row = await storedPortfolio();
    expect(row.ruleParametersVersion).toBe(2);
    expect(row.ruleParameters).toEqual({ 'US-REGF-7IN7.maxCalls': 6 });
    expect(await auditRows()).toHaveLength(1);
  });

  it('lets exactly one of two saves made from the same version through', async () => {
    const outcomes = await Promise.allSettled([
      update({ 'US-REGF-7IN7.maxCalls': 6 }),
      update({ 'US-REGF-7IN7.maxCalls': 5 }),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect((refused.reason as { code: string }).code).toBe('CONFLICT');
    expect((await storedPortfolio()).ruleParametersVersion).toBe(2);
    expect(await auditRows()).toHaveLength(1);
  });

  it('removes an override, returning the parameter to the pack’s value', async () => {
    await update({ 'US-REGF-7IN7.maxCalls': 5, 'US-MA-VISIT.days': 45 });
    const result = await update({ 'US-MA-VISIT.days': 45 }, 2);
    expect(result.ruleParametersVersion).toBe(3);
    expect(result.overrides).toEqual({ 'US-MA-VISIT.days': 45 });
    expect(result.effective['US-REGF-7IN7.maxCalls']).toBe(7);
    const audit = await auditRows();
    expect(audit).toHaveLength(2);
    expect(
      audit.find((e) => (e.after as { ruleParametersVersion: number }).ruleParametersVersion === 3),
    ).toMatchObject({
      before: { values: { 'US-REGF-7IN7.maxCalls': 5 } },
      after: { values: { 'US-REGF-7IN7.maxCalls': 7 } },
    });
  });

  it('keeps the version when nothing changes; a value equal to the pack’s is no override', async () => {
    const result = await update({ 'US-REGF-7IN7.maxCalls': 7 });
    expect(result.ruleParametersVersion).toBe(1);
    expect(result.overrides).toEqual({});
    await expectUnchanged();
  });

  it('answers NOT_FOUND for a portfolio that does not exist', async () => {
    const error = await failure(
      as('admin').rules.updatePortfolioParameters({
        portfolioId: '00000000-0000-4000-8000-000000000000',
        expectedVersion: 1,
        overrides: {},
      }),
    );
    expect(error.code).toBe('NOT_FOUND');
  });

  it.each(['agent', 'supervisor', 'manager'] as const)(
    'is FORBIDDEN to a %s and changes nothing',
    async (role) => {
      const error = await failure(update({ 'US-REGF-7IN7.maxCalls': 5 }, 1, role));
      expect(error.code).toBe('FORBIDDEN');
      await expectUnchanged();
    },
  );
});
