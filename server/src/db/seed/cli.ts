import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { type DatabaseHandle, openDatabase } from '../client.ts';
import { migrateForApp, ownerUrlOf } from '../roles.ts';
import { cases, users } from '../schema/index.ts';
import { seedDemoBook } from './demo-book.ts';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-users.ts';
import { progressPrinter } from './seed-progress.ts';
import { DEMO_ACCOUNT_REFS } from './specials.ts';

/**
 * `pnpm db:seed [--cases N] [--seed S] [--reset]`: seeds the demo book into DATABASE_URL (as DATABASE_OWNER_URL
 * when set), or into the embedded PGlite database. Refuses a database that already holds data unless --reset drops
 * and re-migrates it first.
 */
const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '3000' },
    seed: { type: 'string', default: '2026' },
    reset: { type: 'boolean', default: false },
  },
});
const caseCount = Number(values.cases);
const seed = Number(values.seed);
if (!Number.isInteger(caseCount) || caseCount < 1 || !Number.isInteger(seed)) {
  console.error('usage: pnpm db:seed [--cases N] [--seed S] [--reset]   (N and S whole numbers, N ≥ 1)');
  process.exit(2);
}

// The seed runs as the schema's owner: its bulk load sets indexes, keys and triggers aside (decision 021).
const urls = { url: process.env.DATABASE_URL, ownerUrl: process.env.DATABASE_OWNER_URL };
const url = ownerUrlOf(urls);
const handle = await openDatabase({ url, poolSize: 4 });
const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
try {
  if (values.reset) await reset(handle);
  await migrateForApp(handle, urls);
  if (await holdsData(handle)) {
    console.error(`The ${describe(handle)} database already holds data; seeding it would mix two books.`);
    console.error('Run `pnpm db:seed --reset` to drop everything in it and seed afresh.');
    process.exitCode = 1;
  } else {
    console.log(
      `seeding ${caseCount.toLocaleString('en-US')} cases (seed ${seed}) into the ${describe(handle)} database…`,
    );
    const summary = await seedDemoBook(handle.db, {
      cases: caseCount,
      seed,
      bulkLoadUrl: handle.kind === 'postgres' ? url : undefined,
      log: (message) => console.log(`  [${elapsed()}] ${message}`),
      onProgress: progressPrinter({
        write: (text) => process.stdout.write(`  ${text}`),
        tty: process.stdout.isTTY === true,
      }),
    });
    console.log(`\nseeded in ${elapsed()}. Rows per table:`);
    for (const [table, count] of Object.entries(summary.rows))
      console.log(`  ${table.padEnd(20)} ${count.toLocaleString('en-US').padStart(12)}`);
    printSignIns();
  }
} finally {
  await handle.close();
}

/** Drops the public and drizzle schemas (every table, enum, trigger and applied-migration record). */
async function reset({ db }: DatabaseHandle): Promise<void> {
  await db.execute(sql`drop schema if exists drizzle cascade`);
  await db.execute(sql`drop schema if exists public cascade`);
  await db.execute(sql`create schema public`);
  // As a new database has it (PostgreSQL 15+): owned by the database owner, usable by everyone.
  await db.execute(sql`alter schema public owner to pg_database_owner`);
  await db.execute(sql`grant usage on schema public to public`);
  console.log('reset: dropped the public and drizzle schemas');
}

async function holdsData({ db }: DatabaseHandle): Promise<boolean> {
  const [user] = await db.select({ id: users.id }).from(users).limit(1);
  const [anyCase] = await db.select({ id: cases.id }).from(cases).limit(1);
  return Boolean(user || anyCase);
}

function describe(handle: DatabaseHandle): string {
  if (handle.kind === 'pglite') return 'embedded PGlite';
  const target = new URL(url ?? '');
  return `PostgreSQL ${target.host}${target.pathname}`;
}

function printSignIns(): void {
  console.log(`\nDemo sign-ins (password for all: ${DEMO_PASSWORD})`);
  for (const user of DEMO_USERS)
    console.log(`  ${user.role.padEnd(10)} ${user.email.padEnd(28)} ${user.name}`);
  console.log(`\nDemo cases: ${Object.values(DEMO_ACCOUNT_REFS).join(', ')}`);
}
