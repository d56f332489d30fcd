import { once } from 'node:events';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, count, eq, isNull } from 'drizzle-orm';
import postgres from 'postgres';
import { openDatabase } from '../../server/src/db/client.ts';
import {
  caseQueueState,
  cases,
  contactPoints,
  creditors,
  portfolios,
  teams,
} from '../../server/src/db/schema/index.ts';
import { commitImport, stageImport } from '../../server/src/modules/placements/import.service.ts';

/**
 * `pnpm bench` (import): a generated placement file of BENCH_IMPORT_ROWS rows (100,000 by default) imported
 * into a fresh database on the PostgreSQL server — created, migrated and dropped here (arrears_bench_import; the
 * seeded book is not touched). Prints the time to read and validate, to write and judge, and the rows per second
 * of the whole import. Goal: under 60 s for 100,000 rows.
 */
const SERVER = process.env.BENCH_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB_NAME = process.env.BENCH_IMPORT_DB ?? 'arrears_bench_import';
const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const GOAL_S = 60;

const STATES: ReadonlyArray<readonly [string, string, string, readonly number[]]> = [
  ['NY', 'New York', '100', [212, 718, 516]],
  ['TX', 'Houston', '770', [713, 214, 512]],
  ['CA', 'Los Angeles', '900', [213, 310, 415]],
  ['FL', 'Pensacola', '325', [850, 305, 407]],
  ['IL', 'Chicago', '606', [312, 773]],
  ['AZ', 'Phoenix', '850', [602, 480]],
];

/** Deterministic rows; one in 50 carries a mistake, so the import is valid-only like a real one. */
async function writeFile(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  out.write(
    'account_ref,full_name,principal_minor,interest_minor,fees_minor,currency,due_date,region,address_line,city,postal_code,mobile,landline,email,consent_sms,consent_autodial\n',
  );
  for (let i = 0; i < rows; i++) {
    const [state, city, zip3, areas] = STATES[i % STATES.length]!;
    const area = areas[i % areas.length]!;
    const line = String(1000 + (i % 9000)).padStart(4, '0');
    const exchange = 200 + (i % 700);
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (i % 10)).padStart(2, '0');
    const bad = i % 50 === 49;
    const fields = [
      `BENCH-${String(i).padStart(7, '0')}`,
      `Debtor ${i}`,
      bad ? '1250.50' : String(5_000 + ((i * 7919) % 2_000_000)),
      String((i * 31) % 10_000),
      '0',
      'USD',
      `2026-${month}-${day}`,
      state,
      `${1 + (i % 999)} Main Street`,
      city,
      `${zip3}${String(i % 100).padStart(2, '0')}`,
      `+1 ${area} ${exchange} ${line}`,
      i % 3 === 0 ? `(${area}) ${exchange + 1}-${line}` : '',
      `debtor${i}@example.com`,
      i % 2 === 0 ? 'yes' : 'no',
      'no',
    ];
    if (!out.write(`${fields.join(',')}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

async function main(): Promise<void> {
  const admin = postgres(SERVER, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${DB_NAME} with (force)`);
  await admin.unsafe(`create database ${DB_NAME}`);
  const url = new URL(SERVER);
  url.pathname = `/${DB_NAME}`;
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-import-'));
  const file = path.join(dir, 'placement.csv');
  const handle = await openDatabase({ url: url.toString(), poolSize: 2 });
  try {
    await handle.migrate();
    const db = handle.db;
    const [team] = await db.insert(teams).values({ name: 'Bench Collections' }).returning();
    const [creditor] = await db.insert(creditors).values({ name: 'Bench Bank', country: 'US' }).returning();
    const [portfolio] = await db
      .insert(portfolios)
      .values({ creditorId: creditor!.id, name: 'Bench Cards', currency: 'USD', jurisdictionCountry: 'US' })
      .returning();

    await writeFile(file, ROWS);
    const megabytes = statSync(file).size / 1_048_576;
    console.log(`file: ${ROWS.toLocaleString('en-US')} rows, ${megabytes.toFixed(1)} MB`);

    const now = new Date();
    const started = performance.now();
    const staged = await stageImport(db, {
      userId: null,
      portfolioId: portfolio!.id,
      teamId: team!.id,
      fileName: 'placement.csv',
      source: createReadStream(file),
      now,
    });
    const readS = (performance.now() - started) / 1000;
    const writing = performance.now();
    const phases: string[] = [];
    const result = await commitImport(db, staged, {
      mode: 'valid_only',
      actorId: null,
      ip: null,
      now,
      onPhase: (phase, ms) => phases.push(`${phase} ${(ms / 1000).toFixed(1)} s`),
    });
    const writeS = (performance.now() - writing) / 1000;
    const totalS = (performance.now() - started) / 1000;

    const [stored] = await db.select({ n: count() }).from(cases).where(eq(cases.portfolioId, portfolio!.id));
    const [unjudged] = await db
      .select({ n: count() })
      .from(cases)
      .innerJoin(caseQueueState, eq(caseQueueState.caseId, cases.id))
      .where(and(eq(cases.portfolioId, portfolio!.id), isNull(caseQueueState.nextWorkableAt)));
    const [points] = await db.select({ n: count() }).from(contactPoints);
    console.log(
      `read + validate: ${readS.toFixed(1)} s (${staged.counts.valid} valid, ${staged.counts.invalid} with errors, ` +
        `${staged.parsed.errorCount} errors)`,
    );
    console.log(
      `write + judge:   ${writeS.toFixed(1)} s (${result.created} cases, ${points!.n} contact points; ` +
        `${unjudged!.n} cases left without a workable instant; ${phases.join(', ')})`,
    );
    console.log(
      `import: ${ROWS.toLocaleString('en-US')} rows in ${totalS.toFixed(1)} s = ${Math.round(ROWS / totalS).toLocaleString('en-US')} rows/s ` +
        `(goal < ${GOAL_S} s: ${totalS < GOAL_S ? 'met' : 'NOT met'})`,
    );
    if (stored!.n !== result.created) throw new Error(`expected ${result.created} cases, found ${stored!.n}`);

    const again = performance.now();
    const second = await stageImport(db, {
      userId: null,
      portfolioId: portfolio!.id,
      teamId: team!.id,
      fileName: 'placement.csv',
      source: createReadStream(file),
      now,
    });
    const repeat = await commitImport(db, second, { mode: 'valid_only', actorId: null, ip: null, now });
    console.log(
      `same file again: ${repeat.outcome}, ${repeat.created} created, in ${((performance.now() - again) / 1000).toFixed(1)} s`,
    );
  } finally {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
    await admin.unsafe(`drop database if exists ${DB_NAME} with (force)`);
    await admin.end();
  }
}

await main();
