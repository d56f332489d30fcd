import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { openDatabase, queryRows } from '../../server/src/db/client.ts';
import { runNightlyRoll } from '../../server/src/modules/ladder/roll.service.ts';
import { BENCH_URL } from './support.ts';

/**
 * `pnpm bench` (roll): the nightly roll over the million-case book. The roll writes, so it runs on a copy of its
 * own, `arrears_roll` (BENCH_ROLL_DATABASE), made once with `CREATE DATABASE … TEMPLATE` from BENCH_DATABASE_URL's
 * database (which needs no other connections at that moment: retried for a while) and migrated. Each bench run
 * rolls the night after the copy's last recorded run (2026-11-29 the first time), so every run does a real
 * night's work: every active case a day older, the cases that reach a rung moved and audited, overdue promises
 * broken. Then the same night again: answered from roll_runs; and forced, which walks the whole book and must
 * find nothing to write. The queue re-judging that follows a real roll is benched by queues.ts (its own figure:
 * refreshAllWorkability); BENCH_ROLL_QUEUES=1 includes it here.
 */
const SOURCE = BENCH_URL;
const COPY = process.env.BENCH_ROLL_DATABASE ?? 'arrears_roll';
const withQueues = process.env.BENCH_ROLL_QUEUES === '1';

function urlOf(database: string): string {
  const url = new URL(SOURCE);
  url.pathname = `/${database}`;
  return url.toString();
}

async function ensureCopy(): Promise<void> {
  const source = new URL(SOURCE).pathname.slice(1);
  const admin = postgres(urlOf('postgres'), { onnotice: () => {}, max: 1 });
  try {
    const exists = await admin`select 1 from pg_database where datname = ${COPY}`;
    if (exists.length > 0) return;
    for (let attempt = 1; ; attempt++) {
      try {
        console.log(`creating ${COPY} from ${source} (attempt ${attempt})…`);
        await admin.unsafe(`create database ${COPY} template ${source}`);
        return;
      } catch (error) {
        if (attempt >= 60 || !String(error).includes('being accessed by other users')) throw error;
        await new Promise((resolve) => setTimeout(resolve, 10_000));
      }
    }
  } finally {
    await admin.end();
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

await ensureCopy();
const handle = await openDatabase({ url: urlOf(COPY), poolSize: 4 });
try {
  await handle.migrate();
  const [last] = await queryRows<{ run_date: string | null }>(
    handle.db,
    sql`select max(run_date)::text as run_date from roll_runs where status = 'done'`,
  );
  const night = last?.run_date
    ? new Date(Date.parse(`${last.run_date}T10:00:00Z`) + 86_400_000)
    : new Date('2026-11-29T10:00:00Z');
  const [book] = await queryRows<{ cases: number; active: number }>(
    handle.db,
    sql`select count(*)::int as cases, (count(*) filter (where status = 'active'))::int as active from cases`,
  );
  console.log(
    `book: ${book!.cases} cases (${book!.active} active) in ${COPY}; rolling the night of ${night.toISOString()}`,
  );

  const first = await runNightlyRoll(handle.db, { now: night, refreshQueues: withQueues });
  const s = first.summary;
  console.log(
    `first run:  ${seconds(s.ms.total)} total — promises ${seconds(s.ms.promises)}, ladder ${seconds(s.ms.ladder)}` +
      `${withQueues ? `, queues ${seconds(s.ms.queues)}` : ''}; ${Math.round(s.scanned / (s.ms.total / 1000))} cases/s` +
      ` (${s.scanned} active cases scanned, ${s.redated} re-dated, moves agent ${s.moves.agent} / agency ${s.moves.agency}` +
      ` / legal ${s.moves.legal}, ${s.promisesBroken} promises broken, ${s.promisesKept} kept)`,
  );

  const repeatStarted = performance.now();
  const repeat = await runNightlyRoll(handle.db, { now: night, refreshQueues: withQueues });
  console.log(
    `second run, same night: ${Math.round(performance.now() - repeatStarted)} ms (answered from roll_runs: ${repeat.alreadyRan})`,
  );

  const forced = await runNightlyRoll(handle.db, { now: night, refreshQueues: false, force: true });
  const f = forced.summary;
  const nothing =
    f.redated === 0 && f.moves.agent + f.moves.agency + f.moves.legal === 0 && f.promisesBroken === 0;
  console.log(
    `second run, forced:     ${seconds(f.ms.total)} — ${Math.round(f.scanned / (f.ms.total / 1000))} cases/s;` +
      ` changed ${f.redated} cases, ${f.moves.agent + f.moves.agency + f.moves.legal} moves, ${f.promisesBroken} promises` +
      ` (${nothing ? 'nothing, as it must' : 'SOMETHING — not idempotent'})`,
  );
  if (!repeat.alreadyRan || !nothing) process.exitCode = 1;
} finally {
  await handle.close();
}
