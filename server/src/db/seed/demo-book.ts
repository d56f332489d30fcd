import { getTableName, sql } from 'drizzle-orm';
import { hashPassword } from '../../modules/auth/password.ts';
import { backfillContactInsights } from '../../modules/oversight/insights.ts';
import { refreshCaseKeys } from '../../modules/queues/case-keys.ts';
import { snapshotBucketMonths } from '../../modules/reports/rollups.ts';
import type { Executor } from '../client.ts';
import { bulkLoadOffTriggers } from '../triggers.ts';
import { seedAgencyDemo } from './agency-demo.ts';
import { bulkLoad } from './bulk-book.ts';
import { rebuildInline, setAsideInline } from './bulk-load.ts';
import { type BookContext, createBookContext } from './context.ts';
import { DEMO_PASSWORD } from './demo-users.ts';
import { makeGenericCase } from './generic-case.ts';
import { inlineCopySink } from './inline-copy-sink.ts';
import { materializeCase } from './materialize.ts';
import { insertReferenceData } from './reference-data.ts';
import { seedRemindersDemo } from './reminders-demo.ts';
import { emptyBatch, LOAD_ORDER, type RowSink } from './row-batch.ts';
import type { SeedProgress, SeedStep } from './seed-progress.ts';
import { demoSpecials } from './specials.ts';
import type { CaseStory } from './story.ts';
import { seedSupervisionDemo } from './supervision-demo.ts';
import { markUsedApprovals } from './used-approvals.ts';

export interface SeedOptions {
  /** How many cases; the demo specials are the first of them (and are always all present). */
  cases: number;
  seed?: number;
  /** The instant the book is seeded as of; "today", "yesterday" and every due date are relative to it. */
  now?: Date;
  /**
   * A PostgreSQL server URL for the bulk path (bulk-book.ts): COPY over dedicated connections and, past
   * TEMPLATE_CASES, copies made inside the server. Without it every row is INSERTed through `db`.
   */
  bulkLoadUrl?: string;
  /** Told at the start of every step and after every batch of cases (`progressPrinter` prints it). */
  onProgress?: (progress: SeedProgress) => void;
  /** Where the bulk path reports its phases. */
  log?: (message: string) => void;
}

export interface SeedSummary {
  seed: number;
  now: Date;
  cases: number;
  elapsedMs: number;
  /** Rows inserted per table (Drizzle table names). */
  rows: Record<string, number>;
}

/** Cases per batch: a few hundred per COPY on the seed's own connection (progress ticks per batch), more on the bulk path. */
const CHUNK = { inline: 250, copy: 2_000 } as const;
/**
 * Cases the bulk path generates in this process before the server copies them into the rest of the book.
 * Generating and encoding a case costs ~0.2 ms of this process's time, a server-side copy a few µs.
 */
export const TEMPLATE_CASES = 20_000;

/**
 * Seeds the demo book: reference data and demo sign-ins, the demo specials (DESIGN.md, "The demo book"), then
 * generic cases. Deterministic for a seed and `now`: every case draws from its own random stream.
 */
export async function seedDemoBook(db: Executor, options: SeedOptions): Promise<SeedSummary> {
  const started = performance.now();
  const seed = options.seed ?? 2026;
  const now = options.now ?? new Date();
  const tally = { cases: 0, totalCases: options.cases, contacts: 0 };
  const report = options.onProgress ?? (() => {});
  const step = (name: SeedStep) => report({ step: name, ...tally });
  step('sign-ins');
  const ctx = createBookContext(seed, now);
  // scrypt is slow by design: hash the one demo password once for every demo user.
  const rows: Record<string, number> = await insertReferenceData(db, await hashPassword(DEMO_PASSWORD));
  for (const [name] of LOAD_ORDER) rows[name] = 0;
  const specials = demoSpecials(ctx);
  const total = Math.max(options.cases, specials.length);
  tally.totalCases = total;
  if (options.bulkLoadUrl) {
    const generated = Math.min(total, specials.length + TEMPLATE_CASES);
    const replication =
      generated < total ? { first: specials.length, templates: generated - specials.length, total } : null;
    const bulk = { url: options.bulkLoadUrl, replication, pools: ctx.pools, log: options.log ?? (() => {}) };
    tally.totalCases = generated;
    step('cases');
    const copied = await bulkLoad(bulk, (sink) =>
      generate(sink, ctx, specials, generated, CHUNK.copy, rows, (done) => {
        Object.assign(tally, { cases: done, contacts: rows.contactLog ?? 0 });
        step('cases');
      }),
    );
    for (const [name, count] of Object.entries(copied)) rows[name] = (rows[name] ?? 0) + count;
  } else {
    // As on the bulk path, the loaded tables' indexes and the triggers the registry marks `bulkLoad: 'off'` (the case keys)
    // are set aside for the load (decision 023, 030); refreshCaseKeys below sets the keys. Foreign keys stay on.
    const aside = await setAsideInline(
      db,
      LOAD_ORDER.map(([, table]) => getTableName(table)),
      bulkLoadOffTriggers(),
    );
    const sink = inlineCopySink(db);
    step('cases');
    await generate(sink, ctx, specials, total, CHUNK.inline, rows, (done) => {
      Object.assign(tally, { cases: done, contacts: rows.contactLog ?? 0 });
      step('cases');
    });
    await sink.finish();
    step('indexes');
    await rebuildInline(db, aside);
  }
  await db.execute(sql`
    update placements p set row_count = c.n
    from (select placement_id, count(*)::int as n from cases group by placement_id) c
    where c.placement_id = p.id`);
  step('demos');
  await seedAgencyDemo(db, now);
  await markUsedApprovals(db);
  for (const [name, count] of Object.entries(await seedSupervisionDemo(db, now))) {
    rows[name] = (rows[name] ?? 0) + count;
  }
  for (const [name, count] of Object.entries(await seedRemindersDemo(db, now))) {
    rows[name] = (rows[name] ?? 0) + count;
  }
  step('reports');
  // Collections, contacts, promises and cohorts reached the report rollups through their triggers; bucket
  // rolls are written per completed month (decision record 011).
  await snapshotBucketMonths(db, now);
  // The audit's per-contact insights (zone, local hour, window position), set-based (decision record 009).
  rows.contactInsights = await backfillContactInsights(db);
  // The keys triggers keep on cases (promise keys, calendar-zone hint): both load paths switch those triggers off, and the
  // bulk path streams its tables side by side, so a trigger may have fired before the rows it updates were there.
  await refreshCaseKeys(db);
  Object.assign(tally, { cases: total, totalCases: total, contacts: rows.contactLog ?? 0 });
  step('done');
  return { seed, now, cases: total, elapsedMs: Math.round(performance.now() - started), rows };
}

async function generate(
  sink: RowSink,
  ctx: BookContext,
  specials: CaseStory[],
  count: number,
  chunk: number,
  rows: Record<string, number>,
  progress: (done: number) => void,
): Promise<void> {
  const seenPlacements = new Set<string>();
  for (let first = 0; first < count; first += chunk) {
    const batch = emptyBatch();
    for (let n = first; n < Math.min(count, first + chunk); n++) {
      materializeCase(specials[n] ?? makeGenericCase(n, ctx), n, batch, ctx, seenPlacements);
    }
    for (const [name] of LOAD_ORDER) rows[name] = (rows[name] ?? 0) + batch[name].length;
    await sink.write(batch);
    progress(Math.min(count, first + chunk));
  }
}
