import { randomUUID } from 'node:crypto';
import type { SessionUser } from '@arrears/shared/schemas/auth';
import { eq, sql } from 'drizzle-orm';
import { type Database, openDatabase, queryRows, type Transaction } from '../../server/src/db/client.ts';
import * as s from '../../server/src/db/schema/index.ts';
import { createCaller } from '../../server/src/trpc/router.ts';
import { benchEngine, benchFacts } from './compliance-engine.ts';

import { BENCH_URL, time } from './support.ts';

/**
 * `pnpm bench:compliance`: (a) pure engine evaluations per second for a debtor with 50 history events, (b) p50/p95
 * of a guarded `contacts.logCall` through a tRPC caller on the PostgreSQL server of BENCH_DATABASE_URL (meant to
 * hold the one-million-case seed), beside one raw indexed SELECT on the same database.
 *
 * The contact log is append-only, so the bench leaves rows behind: each run adds CALLS + WARMUP fresh cases (a New
 * York debtor, a consenting mobile, 20 contacts of history, one guarded call) to the dedicated portfolio
 * "Bench · compliance guard", and writes nothing else.
 */
const CALLS = 400;
const WARMUP = 40;
const DAY_MS = 86_400_000;
type Bench = { user: SessionUser; portfolioId: string; teamId: string };

async function findOrCreate<Row>(find: () => Promise<Row[]>, create: () => Promise<Row[]>): Promise<Row> {
  return (await find())[0] ?? (await create())[0]!;
}

/** The bench's own creditor, portfolio, team and agent, created on first use and reused afterwards. */
async function benchAgent(db: Database): Promise<Bench> {
  const [creditorName, portfolioName, teamName, email] = [
    'Bench creditor',
    'Bench · compliance guard',
    'Bench team',
    'bench-agent@bench.invalid',
  ];
  const creditor = await findOrCreate(
    () => db.select().from(s.creditors).where(eq(s.creditors.name, creditorName)),
    () => db.insert(s.creditors).values({ name: creditorName, country: 'US' }).returning(),
  );
  const portfolio = await findOrCreate(
    () => db.select().from(s.portfolios).where(eq(s.portfolios.name, portfolioName)),
    () =>
      db
        .insert(s.portfolios)
        .values({
          creditorId: creditor.id,
          name: portfolioName,
          currency: 'USD',
          jurisdictionCountry: 'US',
          jurisdictionRegion: 'NY',
        })
        .returning(),
  );
  const team = await findOrCreate(
    () => db.select().from(s.teams).where(eq(s.teams.name, teamName)),
    () => db.insert(s.teams).values({ name: teamName }).returning(),
  );
  // No password matches this hash: the bench agent exists for server-side callers only.
  const user = await findOrCreate(
    () => db.select().from(s.users).where(eq(s.users.email, email)),
    () =>
      db
        .insert(s.users)
        .values({ email, name: 'Bench agent', role: 'agent', teamId: team.id, passwordHash: 'disabled' })
        .returning(),
  );
  return { user: { ...user, role: 'agent', teamIds: [team.id] }, portfolioId: portfolio.id, teamId: team.id };
}

/** One fresh debtor with a consenting mobile and a month of calls and texts that leave the next call allowed. */
async function benchCase(tx: Transaction, bench: Bench, ref: string, now: Date) {
  const ago = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const [debtor] = await tx
    .insert(s.debtors)
    .values({
      fullName: `Bench debtor ${ref}`,
      jurisdictionCountry: 'US',
      jurisdictionRegion: 'NY',
      explicitTimeZone: 'America/New_York',
    })
    .returning();
  const [caseRow] = await tx
    .insert(s.cases)
    .values({
      accountRef: `BENCH-${ref}`,
      debtorId: debtor!.id,
      portfolioId: bench.portfolioId,
      teamId: bench.teamId,
      assignedAgentId: bench.user.id,
      currency: 'USD',
      originalPrincipalMinor: 120_000,
      principalMinor: 120_000,
      balanceMinor: 120_000,
      dueDate: '2026-06-01',
      placedAt: ago(60),
      initialCommunicationAt: ago(40),
    })
    .returning();
  const [mobile] = await tx
    .insert(s.contactPoints)
    .values({
      debtorId: debtor!.id,
      kind: 'mobile',
      value: `+1555${ref.slice(-7)}`,
      consentAutodial: true,
      consentSms: true,
    })
    .returning();
  const text = (k: number) => k % 4 === 3;
  await tx.insert(s.contactLog).values(
    Array.from({ length: 20 }, (_, k) => ({
      caseId: caseRow!.id,
      debtorId: debtor!.id,
      caseIds: [caseRow!.id],
      contactPointId: mobile!.id,
      kind: text(k) ? ('sms' as const) : ('call' as const),
      direction: 'outbound' as const,
      outcome: text(k) ? ('sent' as const) : ('no_answer' as const),
      occurredAt: ago((k + 1) * 1.5),
    })),
  );
  return { caseId: caseRow!.id, mobileId: mobile!.id };
}

/**
 * The case and contact counts, or why the bench must not write here: a missing database, or one a seed is still
 * loading (foreign keys set aside, the contact log's identity behind its rows), where bench rows would collide.
 */
async function databaseStats(db: Database): Promise<{ cases: number; contacts: number } | string> {
  try {
    const [row] = await queryRows<{ cases: string; contacts: string; fks: string; behind: boolean }>(
      db,
      sql`select (select count(*) from cases) as cases,
                 (select case when reltuples < 0 then (select count(*) from contact_log) else reltuples::bigint end
                   from pg_class where relname = 'contact_log') as contacts,
                 (select count(*) from pg_constraint where conrelid = 'contact_log'::regclass and contype = 'f') as fks,
                 (select last_value from contact_log_id_seq) < coalesce((select max(id) from contact_log), 0) as behind`,
    );
    if (Number(row!.fks) === 0 || row!.behind)
      return 'a seed is still loading it; run the bench when it has finished';
    return { cases: Number(row!.cases), contacts: Number(row!.contacts) };
  } catch (error) {
    // Drizzle wraps the driver's error with the whole query; the driver's words say what is wrong.
    const { cause } = error as { cause?: Error };
    return (cause ?? (error as Error)).message;
  }
}

async function main(): Promise<number> {
  benchEngine(0.3); // warm the JIT and the zone caches
  const engine = benchEngine(2, benchFacts());
  console.log(
    `(a) pure engine: ${engine.evalsPerSecond.toLocaleString('en-US')} evaluations/s, debtor with ${benchFacts().history?.length} history events (goal ≥ 100,000)`,
  );
  const handle = await openDatabase({ url: BENCH_URL, poolSize: 2 });
  try {
    const stats = await databaseStats(handle.db);
    if (typeof stats === 'string') {
      console.error(`\nThe bench database ${BENCH_URL} is not usable: ${stats}.`);
      console.error('Create and seed it with:\n  createdb -h 127.0.0.1 -U postgres arrears_seed');
      console.error(
        '  DATABASE_URL=postgres://postgres@127.0.0.1:5432/arrears_seed pnpm db:seed --cases 1000000',
      );
      console.error('or point BENCH_DATABASE_URL at another migrated and seeded PostgreSQL database.');
      return 1;
    }
    console.log(
      `\ndatabase ${BENCH_URL.replace(/\/\/[^@]*@/, '//')}: ${stats.cases.toLocaleString('en-US')} cases, ~${stats.contacts.toLocaleString('en-US')} contact-log rows`,
    );
    if (stats.cases < 1_000_000)
      console.log('  note: fewer than one million cases; the figures are for this size.');
    // Yesterday 17:00 UTC: midday in New York, so time-of-day rules let the calls through.
    const now = new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS - DAY_MS + 17 * 3_600_000);
    const bench = await benchAgent(handle.db);
    const run = Date.now().toString(36);
    const targets: { caseId: string; mobileId: string }[] = [];
    for (let i = 0; i < CALLS + WARMUP; i++) {
      const ref = `${run}-${String(i).padStart(7, '0')}`;
      targets.push(await handle.db.transaction((tx) => benchCase(tx, bench, ref, now)));
    }
    const caller = createCaller({
      db: handle.db,
      user: bench.user,
      sessionTokenHash: null,
      ip: null,
      userAgent: 'bench',
      sessionTtlHours: 12,
      now: () => now,
      cookies: { set: () => {}, clear: () => {} },
    });
    const logCall = (i: number) =>
      caller.contacts.logCall({
        idempotencyKey: randomUUID(),
        caseId: targets[i]!.caseId,
        contactPointId: targets[i]!.mobileId,
        kind: 'call',
        outcome: 'no_answer',
      });
    await time(WARMUP, (i) => logCall(CALLS + i));
    const guarded = await time(CALLS, logCall);
    const ids = await queryRows<{ id: string }>(
      handle.db,
      sql`select id from cases tablesample system (1) limit 1000`,
    );
    const keys = ids.length > 0 ? ids.map((row) => row.id) : targets.map((t) => t.caseId);
    const byKey = (i: number) =>
      queryRows(handle.db, sql`select * from cases where id = ${keys[i % keys.length]}`);
    await time(100, byKey);
    const raw = await time(1000, byKey);
    const ms = (value: number) => `${value.toFixed(2)} ms`;
    console.log(
      `(b) guarded contacts.logCall through tRPC, ${CALLS} calls: p50 ${ms(guarded.p50)}, p95 ${ms(guarded.p95)} (goal p95 < 15 ms)`,
    );
    console.log(
      `    raw SELECT of a case by primary key, 1000 reads: p50 ${ms(raw.p50)}, p95 ${ms(raw.p95)}`,
    );
    console.log(
      `    ratio guarded / raw: p50 ${(guarded.p50 / raw.p50).toFixed(1)}×, p95 ${(guarded.p95 / raw.p95).toFixed(1)}×`,
    );
    console.log(
      `    left behind: ${CALLS + WARMUP} bench cases (21 contact-log rows each) in "Bench · compliance guard"`,
    );
    return 0;
  } finally {
    await handle.close();
  }
}

process.exitCode = await main();
