import { readFileSync } from 'node:fs';
import type { Role } from '@arrears/shared/domain/enums';
import type { SessionUser } from '@arrears/shared/schemas/auth';
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/client.ts';
import {
  auditEvents,
  caseQueueState,
  cases,
  contactPoints,
  debtors,
  placements,
} from '../../server/src/db/schema/index.ts';
import { judgeCases } from '../../server/src/modules/queues/queues.service.ts';
import { buildPortfolio, buildTeam, buildUser } from './support/builders.ts';
import { callerFor } from './support/caller.ts';
import { createTestDatabase } from './support/db.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/placements/${name}`, import.meta.url), 'utf8');
const WITH_ERRORS = fixture('with-errors.csv');
const OVERLAP = fixture('overlap.csv');

/** 10:00 in New York, 09:00 in Houston, 07:00 in San Diego: some debtors callable now, some later today. */
const NOW = new Date('2026-11-30T15:00:00Z');

let handle: DatabaseHandle;
const users = {} as Record<Role, SessionUser>;
let teamId: string;
let portfolioId: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  teamId = (await buildTeam(handle.db)).id;
  users.admin = await buildUser(handle.db, 'admin');
  users.manager = await buildUser(handle.db, 'manager');
  users.supervisor = await buildUser(handle.db, 'supervisor', { supervises: [teamId] });
  users.agent = await buildUser(handle.db, 'agent', { teamId });
});
afterAll(() => handle.close());

beforeEach(async () => {
  portfolioId = (await buildPortfolio(handle.db, { region: null })).id;
});

const as = (role: Role) => callerFor(handle.db, users[role], { now: NOW }).caller;
const preview = (csv: string, fileName = 'with-errors.csv') =>
  as('admin').placements.preview({ portfolioId, teamId, fileName, csv });

async function failure(call: Promise<unknown>) {
  const error = await call.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e,
  );
  return error as { code: string; message: string };
}

async function written() {
  const rows = await handle.db
    .select({ ref: cases.accountRef })
    .from(cases)
    .where(eq(cases.portfolioId, portfolioId))
    .orderBy(asc(cases.accountRef));
  const [files] = await handle.db
    .select({ n: count() })
    .from(placements)
    .where(eq(placements.portfolioId, portfolioId));
  return { refs: rows.map((r) => r.ref), placements: files!.n };
}

describe('placement preview', () => {
  it('shows every error with its row and column, and writes nothing', async () => {
    const debtorsBefore = await handle.db.select({ n: count() }).from(debtors);
    const result = await preview(WITH_ERRORS);
    expect(result.counts).toMatchObject({ rows: 7, valid: 3, invalid: 4, toCreate: 3, alreadyPlaced: 0 });
    expect(result.fileErrors).toEqual([]);
    expect(result.errors.map((e) => [e.row, e.column])).toEqual([
      [4, 'principal_minor'],
      [4, 'mobile'],
      [5, 'due_date'],
      [5, 'region'],
      [6, 'account_ref'],
      [8, 'full_name'],
      [8, 'currency'],
      [8, 'consent_sms'],
      [8, 'email'],
    ]);
    expect(result.errorCount).toBe(9);
    expect(result.errors[0]!.message).toContain('write 125000');
    expect(result.errors[4]!.message).toContain('repeats row 2');
    expect(result.alreadyImported).toBeNull();
    expect(await written()).toEqual({ refs: [], placements: 0 });
    expect(await handle.db.select({ n: count() }).from(debtors)).toEqual(debtorsBefore);

    const page = await as('admin').placements.errors({ token: result.token, page: 2, pageSize: 4 });
    expect(page.total).toBe(9);
    expect(page.errors.map((e) => e.row)).toEqual([6, 8, 8, 8]);
  });

  it('names a header that is not the format as a file error, and nothing can be imported', async () => {
    const result = await preview('account,full_name,principal_minor\nA-1,Jo,100\n', 'wrong.csv');
    expect(result.fileErrors).toEqual(
      expect.arrayContaining([
        { row: 1, column: 'account', message: 'is not a column of the format' },
        { row: 1, column: 'account_ref', message: 'required column is missing' },
        { row: 1, column: 'due_date', message: 'required column is missing' },
      ]),
    );
    const error = await failure(as('admin').placements.commit({ token: result.token, mode: 'valid_only' }));
    expect(error.code).toBe('PRECONDITION_FAILED');
    expect(await written()).toEqual({ refs: [], placements: 0 });
  });

  it('reports a malformed CSV as a file error instead of failing', async () => {
    const result = await preview('account_ref,full_name,principal_minor,due_date\n"A-1,Jo,100,2026-01-01\n');
    expect(result.fileErrors).toHaveLength(1);
    expect(result.fileErrors[0]!.message).toMatch(/not a well-formed CSV/);
  });
});

describe('placement commit', () => {
  it('imports nothing of a file with errors when all rows are asked for', async () => {
    const { token } = await preview(WITH_ERRORS);
    const error = await failure(as('admin').placements.commit({ token, mode: 'all' }));
    expect(error.code).toBe('PRECONDITION_FAILED');
    expect(error.message).toContain('4 rows have errors');
    expect(await written()).toEqual({ refs: [], placements: 0 });
  });

  it('imports only the valid rows when the admin chooses so, with normalised numbers and zones', async () => {
    const { token } = await preview(WITH_ERRORS);
    const result = await as('admin').placements.commit({ token, mode: 'valid_only' });
    expect(result).toMatchObject({ outcome: 'imported', created: 3, skippedInvalid: 4, skippedExisting: 0 });
    expect(result.placement).toMatchObject({ fileName: 'with-errors.csv', rowCount: 3, portfolioId });
    expect(await written()).toEqual({ refs: ['FX-1001', 'FX-1002', 'FX-1005'], placements: 1 });

    const [jordan] = await handle.db.select().from(cases).where(eq(cases.accountRef, 'FX-1001'));
    expect(jordan).toMatchObject({
      principalMinor: 125_000,
      interestMinor: 3_500,
      balanceMinor: 128_500,
      currency: 'USD',
      dueDate: '2026-08-15',
      daysPastDue: 107,
      bucket: 'dpd_91_120',
      status: 'active',
      teamId,
      placementId: result.placement.id,
    });
    const points = await handle.db
      .select()
      .from(contactPoints)
      .where(eq(contactPoints.debtorId, jordan!.debtorId))
      .orderBy(asc(contactPoints.createdAt));
    expect(points.map((p) => [p.kind, p.value, p.timeZone])).toEqual([
      ['home_address', '12 Elm Street, Houston, TX 77002', 'America/Chicago'],
      ['mobile', '+17132014455', 'America/Chicago'],
      ['email', 'jordan.smith@example.com', null],
    ]);
    expect(points[1]).toMatchObject({ consentSms: true, consentAutodial: false });
    const [debtor] = await handle.db.select().from(debtors).where(eq(debtors.id, jordan!.debtorId));
    expect(debtor).toMatchObject({
      fullName: 'Jordan Smith',
      jurisdictionCountry: 'US',
      jurisdictionRegion: 'TX',
    });

    // Pensacola's ZIP puts the Florida panhandle debtor on Central time.
    const [morgan] = await handle.db.select().from(cases).where(eq(cases.accountRef, 'FX-1005'));
    const [address] = await handle.db
      .select()
      .from(contactPoints)
      .where(and(eq(contactPoints.debtorId, morgan!.debtorId), eq(contactPoints.kind, 'home_address')));
    expect(address!.timeZone).toBe('America/Chicago');

    const audit = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'placement'), eq(auditEvents.entityId, result.placement.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'placement.imported', actorId: users.admin.id });
  });

  it('adds nothing the second time the same file is imported', async () => {
    const first = await preview(WITH_ERRORS);
    await as('admin').placements.commit({ token: first.token, mode: 'valid_only' });
    const after = await written();

    const second = await preview(WITH_ERRORS);
    expect(second.alreadyImported).toMatchObject({ fileSha256: first.fileSha256, rowCount: 3 });
    expect(second.counts).toMatchObject({ valid: 3, alreadyPlaced: 3, toCreate: 0 });
    const again = await as('admin').placements.commit({ token: second.token, mode: 'valid_only' });
    expect(again).toMatchObject({ outcome: 'already_imported', created: 0 });
    expect(again.placement.id).toBe((await as('admin').placements.list({ portfolioId })).placements[0]!.id);
    expect(await written()).toEqual(after);
  });

  it('skips accounts the portfolio already holds when a later file overlaps', async () => {
    const first = await preview(WITH_ERRORS);
    await as('admin').placements.commit({ token: first.token, mode: 'valid_only' });
    const overlap = await preview(OVERLAP, 'overlap.csv');
    expect(overlap.counts).toMatchObject({ rows: 2, valid: 2, alreadyPlaced: 1, toCreate: 1 });
    const result = await as('admin').placements.commit({ token: overlap.token, mode: 'all' });
    expect(result).toMatchObject({ outcome: 'imported', created: 1, skippedExisting: 1 });
    expect(await written()).toEqual({ refs: ['FX-1001', 'FX-1002', 'FX-1005', 'FX-2001'], placements: 2 });
    const list = await as('admin').placements.list({ portfolioId });
    expect(list.placements.map((p) => [p.fileName, p.rowCount])).toEqual(
      expect.arrayContaining([
        ['with-errors.csv', 3],
        ['overlap.csv', 1],
      ]),
    );
  });

  it('puts the imported cases in the team queues with a priority and a workable instant', async () => {
    const { token } = await preview(WITH_ERRORS);
    await as('admin').placements.commit({ token, mode: 'valid_only' });
    const rows = (
      await handle.db
        .select({ record: cases, queue: caseQueueState })
        .from(cases)
        .innerJoin(caseQueueState, eq(caseQueueState.caseId, cases.id))
        .where(inArray(cases.accountRef, ['FX-1001', 'FX-1002', 'FX-1005']))
    ).map((row) => ({ ...row.queue, ...row.record }));
    for (const row of rows.filter((r) => r.portfolioId === portfolioId)) {
      expect(row.nextWorkableAt, row.accountRef).not.toBeNull();
      expect(row.priority, row.accountRef).toBeGreaterThan(0);
    }
    // Judged in memory at import, exactly as the queues judge them from the database.
    const ours = rows.filter((r) => r.portfolioId === portfolioId);
    const fromDatabase = await judgeCases(
      handle.db,
      ours.map((r) => r.id),
      NOW,
    );
    expect(
      ours
        .map((r) => [
          r.id,
          r.nextWorkableAt?.toISOString(),
          r.priority,
          r.blockedRuleId,
          r.blockedReasonCode,
          r.blockedReasonParams,
        ])
        .sort(),
    ).toEqual(
      fromDatabase
        .map((r) => [
          r.caseId,
          r.nextWorkableAt?.toISOString(),
          r.priority,
          r.blockedBy?.ruleId ?? null,
          r.blockedBy?.reasonCode ?? null,
          r.blockedBy?.reasonParams ?? null,
        ])
        .sort(),
    );
    // San Diego is at 07:00: workable at 08:00 local, 16:00 UTC.
    const avery = rows.find((r) => r.accountRef === 'FX-1002' && r.portfolioId === portfolioId)!;
    expect(avery.nextWorkableAt!.toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(avery).toMatchObject({ blockedRuleId: 'US-REGF-TIME', blockedReasonCode: 'outsideContactHours' });

    const pool = await as('agent').queues.list({ queue: 'team_pool', pageSize: 50 });
    const mine = pool.rows.filter((r) => ['FX-1001', 'FX-1002', 'FX-1005'].includes(r.accountRef));
    expect(mine.map((r) => [r.accountRef, r.workableNow]).sort()).toEqual(
      expect.arrayContaining([
        ['FX-1001', true],
        ['FX-1002', false],
      ]),
    );
    const fresh = await as('agent').queues.list({ queue: 'new_placements', pageSize: 50 });
    expect(fresh.rows.map((r) => r.accountRef)).toEqual(expect.arrayContaining(['FX-1001', 'FX-1005']));
  });
});

describe('placement access and bad input', () => {
  it('refuses every role but admin', async () => {
    for (const role of ['agent', 'supervisor', 'manager'] as const) {
      const error = await failure(
        as(role).placements.preview({ portfolioId, teamId, fileName: 'x.csv', csv: WITH_ERRORS }),
      );
      expect(error.code, role).toBe('FORBIDDEN');
      expect((await failure(as(role).placements.list({}))).code, role).toBe('FORBIDDEN');
    }
    const signedOut = callerFor(handle.db, null, { now: NOW }).caller;
    expect((await failure(signedOut.placements.list({}))).code).toBe('UNAUTHORIZED');
    expect(await written()).toEqual({ refs: [], placements: 0 });
  });

  it('answers 4xx for bad input, unknown portfolios and other admins’ previews', async () => {
    const admin = as('admin');
    expect(
      (await failure(admin.placements.preview({ portfolioId: 'nope', fileName: 'x', csv: 'a' }))).code,
    ).toBe('BAD_REQUEST');
    expect((await failure(admin.placements.preview({ portfolioId, fileName: 'x.csv', csv: '' }))).code).toBe(
      'BAD_REQUEST',
    );
    expect(
      (
        await failure(
          admin.placements.preview({
            portfolioId: '00000000-0000-4000-8000-000000000000',
            fileName: 'x.csv',
            csv: WITH_ERRORS,
          }),
        )
      ).code,
    ).toBe('NOT_FOUND');
    expect((await failure(admin.placements.commit({ token: 'unknown', mode: 'all' }))).code).toBe(
      'NOT_FOUND',
    );
    expect((await failure(admin.placements.commit({ token: 'x', mode: 'everything' as 'all' }))).code).toBe(
      'BAD_REQUEST',
    );

    const { token } = await preview(WITH_ERRORS);
    const otherAdmin = await buildUser(handle.db, 'admin');
    const other = callerFor(handle.db, otherAdmin, { now: NOW }).caller;
    expect((await failure(other.placements.commit({ token, mode: 'valid_only' }))).code).toBe('NOT_FOUND');
    expect(await written()).toEqual({ refs: [], placements: 0 });
  });
});
