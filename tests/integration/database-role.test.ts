import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SessionUser } from '@arrears/shared/schemas/auth';
import { eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/src/app.ts';
import { type DatabaseHandle, openDatabase, queryRows } from '../../server/src/db/client.ts';
import {
  appendOnlyTables,
  createAppRole,
  grantAppRole,
  migrateForApp,
  roleReach,
} from '../../server/src/db/roles.ts';
import { cases, portfolios, users } from '../../server/src/db/schema/index.ts';
import { seedDemoBook } from '../../server/src/db/seed/demo-book.ts';
import { DEMO_PASSWORD } from '../../server/src/db/seed/demo-users.ts';
import { claimJob, completeJob, enqueueJob } from '../../server/src/jobs/queue.ts';
import { runNightlyRoll } from '../../server/src/modules/ladder/roll.service.ts';
import { backfillContactInsights } from '../../server/src/modules/oversight/insights.ts';
import { callerFor } from './support/caller.ts';
import { createTestDatabase, type TestDatabase } from './support/db.ts';
import { withRole } from './support/global-setup.ts';

/**
 * The app's own database role (decision 021): granted as `pnpm db:roles` grants it, it cannot truncate or alter the
 * history, switch its triggers off or create tables, and can still do everything the app does. On the server it
 * signs in as that role over a connection of its own; PGlite has one session, so there the session switches to the
 * role with SET ROLE (the same privilege checks, but a superuser session could switch back).
 */
const ROLE = `arrears_role_test_${process.pid}`;
/** 10:00 in New York: the seeded book's agents have callable cases. */
const SEEDED = new Date('2026-11-20T15:00:00Z');
/** The append-only tables, each with a column an UPDATE could set. */
const HISTORY_COLUMNS = {
  audit_events: 'action',
  compliance_decisions: 'override_reason',
  contact_log: 'notes',
  inbound_replies: 'body',
  outbound_message_events: 'detail',
  payments: 'method',
  reviews: 'note',
};
const HISTORY = Object.keys(HISTORY_COLUMNS);

let owner: TestDatabase;
let app: DatabaseHandle;

beforeAll(async () => {
  owner = await createTestDatabase({ as: 'owner' });
  await seedDemoBook(owner.db, { cases: 40, seed: 21, now: SEEDED });
  await createAppRole(owner.db, ROLE);
  await grantAppRole(owner.db, ROLE);
  if (owner.ownerUrl) {
    app = await openDatabase({ url: withRole(owner.ownerUrl, ROLE), poolSize: 4 });
  } else {
    await owner.db.execute(sql`set role ${sql.identifier(ROLE)}`);
    app = owner;
  }
}, 120_000);
afterAll(async () => {
  if (app !== owner) await app?.close();
  await owner?.close();
  if (process.env.TEST_DATABASE_URL) {
    const admin = postgres(process.env.TEST_DATABASE_URL, { onnotice: () => {}, max: 1 });
    await admin.unsafe(`drop role if exists ${ROLE}`);
    await admin.end();
  }
});

/** The server's refusal, under drizzle's "Failed query" wrapper; 'no error' when the statement went through. */
async function refusal(statement: string): Promise<string> {
  const error = await app.db.execute(sql.raw(statement)).then(
    () => null,
    (e: Error & { cause?: Error }) => e,
  );
  return error ? String(error.cause?.message ?? error.message) : 'no error';
}

describe('the app role', () => {
  it('is the role the connection signs in as, owns nothing and has no special attribute', async () => {
    if (process.env.TEST_DATABASE_URL) {
      // On the server this file must prove the real thing: a login of its own, not a switched session.
      expect(app.kind).toBe('postgres');
      const [session] = await queryRows<{ role: string }>(app.db, sql`select session_user::text as role`);
      expect(session?.role).toBe(ROLE);
    }
    expect(await roleReach(app.db)).toEqual({ role: ROLE, superuser: false, ownsTables: 0 });
    const [attributes] = await queryRows<Record<string, boolean>>(
      app.db,
      sql`select rolsuper, rolcreaterole, rolcreatedb, rolreplication, rolbypassrls
            from pg_roles where rolname = current_user`,
    );
    expect(attributes).toEqual({
      rolsuper: false,
      rolcreaterole: false,
      rolcreatedb: false,
      rolreplication: false,
      rolbypassrls: false,
    });
  });

  it('cannot TRUNCATE, UPDATE or DELETE any append-only table, reviews included', async () => {
    expect(await appendOnlyTables(app.db)).toEqual(HISTORY);
    for (const [table, column] of Object.entries(HISTORY_COLUMNS)) {
      expect(await refusal(`truncate ${table}`)).toMatch(`permission denied for table ${table}`);
      expect(await refusal(`update ${table} set ${column} = ${column}`)).toMatch(
        `permission denied for table ${table}`,
      );
      expect(await refusal(`delete from ${table}`)).toMatch(`permission denied for table ${table}`);
    }
  });

  it('cannot switch off, alter or drop the triggers that keep the history', async () => {
    for (const table of HISTORY) {
      expect(await refusal(`alter table ${table} disable trigger all`)).toMatch(/must be owner/);
      expect(await refusal(`drop trigger ${table}_append_only on ${table}`)).toMatch(/must be owner/);
      expect(await refusal(`drop trigger ${table}_no_truncate on ${table}`)).toMatch(/must be owner/);
    }
    expect(await refusal('drop function arrears_reject_history_change() cascade')).toMatch(/must be owner/);
    expect(await refusal('set session_replication_role = replica')).toMatch(
      /permission denied to set parameter "session_replication_role"/,
    );
  });

  it('cannot create or truncate tables, nor change those it may write', async () => {
    expect(await refusal('create table role_probe (id int)')).toMatch(/permission denied for schema public/);
    expect(await refusal('truncate report_daily_collections')).toMatch(/permission denied/);
    expect(await refusal('alter table cases add column probe int')).toMatch(/must be owner/);
    expect(await refusal('drop table sessions')).toMatch(/must be owner/);
  });
});

// A separate login is a server's: PGlite's one session cannot start the app as another role.
if (process.env.TEST_DATABASE_URL) {
  describe('the app started with DATABASE_URL alone', () => {
    it('checks that every migration was applied instead of applying them, and refuses a schema behind', async () => {
      const urls = { url: withRole(owner.ownerUrl ?? '', ROLE) };
      await expect(migrateForApp(app, urls)).resolves.toBeNull();
      const latest = sql`(select max(created_at) from drizzle.__drizzle_migrations)`;
      await owner.db.execute(
        sql`update drizzle.__drizzle_migrations set created_at = created_at - 1 where created_at = ${latest}`,
      );
      try {
        await expect(migrateForApp(app, urls)).rejects.toThrow(/lacks migrations/);
      } finally {
        await owner.db.execute(
          sql`update drizzle.__drizzle_migrations set created_at = created_at + 1 where created_at = ${latest}`,
        );
      }
    });
  });
}

describe('the integration suite on the server', () => {
  it('runs its tests as an app role too, unless TEST_DATABASE_APP_ROLE=0', async () => {
    const suite = await createTestDatabase();
    try {
      const reach = await roleReach(suite.db);
      const asApp = Boolean(process.env.TEST_DATABASE_URL) && process.env.TEST_DATABASE_APP_ROLE !== '0';
      // Without the app role the tests run as the owner (or PGlite's superuser), who reaches every table.
      expect(reach.superuser || reach.ownsTables > 0).toBe(!asApp);
    } finally {
      await suite.close();
    }
  });
});

describe('the app, signed in as that role', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    const web = createApp({
      db: app.db,
      sessionTtlHours: 12,
      cookieSecure: false,
      clientDist: '/nonexistent',
    });
    server = web.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  /** Signs in over HTTP (a session row written and read back as the app role); the signed-in user. */
  async function signIn(email: string): Promise<SessionUser> {
    const res = await fetch(`${base}/trpc/auth.signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: DEMO_PASSWORD }),
    });
    expect(res.status).toBe(200);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const me = await fetch(`${base}/trpc/auth.me`, { headers: { cookie } });
    const body = (await me.json()) as { result: { data: SessionUser } };
    expect(body.result.data.email).toBe(email);
    return body.result.data;
  }

  it('serves the health check and signs an agent in, who claims the next case and records a payment', async () => {
    expect(await (await fetch(`${base}/readyz`)).json()).toEqual({ ok: true, database: 'up' });
    const alice = await signIn('alice@arrearsdesk.demo');
    const { caller } = callerFor(app.db, alice, { now: SEEDED });
    const next = await caller.queues.next();
    expect(next.caseId).not.toBeNull();
    const [claimed] = await app.db
      .select()
      .from(cases)
      .where(eq(cases.id, next.caseId ?? ''));
    const paid = await caller.payments.recordPayment({
      caseId: claimed!.id,
      amountMinor: 1_000,
      currency: claimed!.currency,
      method: 'card',
      receivedAt: SEEDED.toISOString(),
      idempotencyKey: `role-test-${claimed!.id}`,
    });
    expect(paid.replayed).toBe(false);
  });

  it('reads the reports and imports a placement file as manager and admin', async () => {
    const morgan = await signIn('morgan@arrearsdesk.demo');
    const collected = await callerFor(app.db, morgan, { now: SEEDED }).caller.reports.collected({
      filters: { from: '2026-11-01', to: '2026-11-30', portfolioIds: [] },
      grain: 'month',
    });
    expect(collected.length).toBeGreaterThan(0);
    const ada = await signIn('ada@arrearsdesk.demo');
    const [portfolio] = await app.db.select().from(portfolios).where(eq(portfolios.currency, 'USD')).limit(1);
    const admin = callerFor(app.db, ada, { now: SEEDED }).caller;
    const csv = readFileSync(new URL('../fixtures/placements/with-errors.csv', import.meta.url), 'utf8');
    const preview = await admin.placements.preview({ portfolioId: portfolio!.id, fileName: 'role.csv', csv });
    const result = await admin.placements.commit({ token: preview.token, mode: 'valid_only' });
    expect(result).toMatchObject({ outcome: 'imported' });
  });

  it('runs the nightly roll, a job and the oversight backfill', async () => {
    const roll = await runNightlyRoll(app.db, { now: new Date('2026-11-21T10:00:00Z') });
    expect(roll.alreadyRan).toBe(false);
    const id = await enqueueJob(app.db, 'role.probe', {}, { runAt: SEEDED });
    const job = await claimJob(app.db, new Map([['role.probe', 60_000]]), 'role-test', SEEDED);
    expect(job?.id).toBe(id);
    expect(await completeJob(app.db, id!, 'role-test', SEEDED)).toBe(true);
    expect(await backfillContactInsights(app.db)).toBeGreaterThanOrEqual(0);
    const [anyone] = await app.db.select({ id: users.id }).from(users).limit(1);
    expect(anyone).toBeDefined();
  });
});
