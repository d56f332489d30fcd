import { pathToFileURL } from 'node:url';
import type { Language } from '@arrears/shared/domain/language';
import type { SessionUser } from '@arrears/shared/schemas/auth';
import { QUEUES } from '@arrears/shared/schemas/queues';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { type Database, openDatabase, queryRows } from '../../server/src/db/client.ts';
import { refreshAllWorkability } from '../../server/src/modules/queues/workability-roll.ts';
import { createCaller } from '../../server/src/trpc/router.ts';
import { BENCH_AGENTS, benchFloor, resetPool } from './queues-fixtures.ts';
import { BENCH_URL, percentiles, type Timing, time } from './support.ts';

/**
 * `pnpm bench` (queues): on the PostgreSQL server of BENCH_DATABASE_URL (the one-million-case seed by default),
 * p50/p95 of (a) a page of 50 rows of an agent's queue sorted by priority, through tRPC, and (b) next-case under 20
 * agents pressing at once; each beside a raw-SQL baseline that reads or claims the same rows. First, when most
 * active cases have never been judged (or BENCH_REFRESH=1), the workability roll runs and is timed.
 */
const PAGE_RUNS = 300;
const PRESSES = 1_000;
const ROUNDS = 5;
const SOLO_PRESSES = 200;
const DAY_MS = 86_400_000;
const ms = (value: number) => `${value.toFixed(2)} ms`;
/** Connections of each database pool (ours and the raw SQL's): one per pressing agent, and a few more. */
const CONNECTIONS = BENCH_AGENTS + 5;
/**
 * Untimed calls before each timed queue of part (c). The pool hands queries to its open connections in turn (all
 * of them are open after part b), and each prepares a statement on its first call: twice the pool measures a
 * working day's steady state, not the first call of each connection.
 */
const WARM_UP = 2 * CONNECTIONS;

/**
 * Times `ours` and `baseline` turn about, run by run, so both meet the same load on a shared machine and the
 * ratio compares like with like.
 */
async function interleaved(
  runs: number,
  ours: (i: number) => Promise<unknown>,
  baseline: (i: number) => Promise<unknown>,
): Promise<{ ours: Timing; raw: Timing }> {
  const oursMs: number[] = [];
  const rawMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    let start = performance.now();
    await ours(i);
    oursMs.push(performance.now() - start);
    start = performance.now();
    await baseline(i);
    rawMs.push(performance.now() - start);
  }
  return { ours: percentiles(oursMs), raw: percentiles(rawMs) };
}

/** `workers` loops pressing until `total` presses were made; each press timed on its own. */
async function pressing(workers: number, total: number, press: (worker: number) => Promise<string | null>) {
  const durations: number[] = [];
  const taken: Array<string | null> = [];
  let started = 0;
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      while (started < total) {
        started++;
        const start = performance.now();
        taken.push(await press(worker));
        durations.push(performance.now() - start);
      }
    }),
  );
  return { durations, taken };
}

function line(label: string, ours: Timing, raw: Timing, goal: string) {
  return [
    `${label}: p50 ${ms(ours.p50)}, p95 ${ms(ours.p95)} (goal ${goal})`,
    `    raw SQL, same rows: p50 ${ms(raw.p50)}, p95 ${ms(raw.p95)}`,
    `    ratio: p50 ${(ours.p50 / raw.p50).toFixed(2)}×, p95 ${(ours.p95 / raw.p95).toFixed(2)}× (goal < 2×)`,
  ].join('\n');
}

function callerAs(db: Database, user: SessionUser, now: Date) {
  return createCaller({
    db,
    user,
    sessionTokenHash: null,
    ip: null,
    userAgent: 'bench',
    sessionTtlHours: 12,
    now: () => now,
    cookies: { set: () => {}, clear: () => {} },
  });
}

/** Why the database cannot be benched, or null when it can. */
async function unusable(db: Database): Promise<string | null> {
  try {
    const [row] = await queryRows<{ indexed: boolean }>(
      db,
      sql`select exists (select 1 from pg_indexes where indexname = 'queue_state_agent_priority_walk_idx') as indexed`,
    );
    return row?.indexed ? null : `its migrations are behind: DATABASE_URL=${BENCH_URL} pnpm db:migrate`;
  } catch (error) {
    const { cause } = error as { cause?: Error };
    return (cause ?? (error as Error)).message;
  }
}

async function rollIfNeeded(db: Database, now: Date, log: (text: string) => void) {
  const [row] = await queryRows<{ active: number; unjudged: number }>(
    db,
    // The engine stores why a case cannot be worked with every instant it stores; a seed writes only the instant.
    // A row closed now with no stored reason has not been judged by the engine, and a queue page would judge it live.
    sql`select count(*)::int as active,
          count(*) filter (where (next_workable_at is null or next_workable_at > ${now.toISOString()}::timestamptz)
            and blocked_reason_code is null)::int as unjudged
        from case_queue_state where status = 'active'`,
  );
  const { active = 0, unjudged = 0 } = row ?? {};
  const share = active === 0 ? 0 : unjudged / active;
  if (share <= 0.5 && process.env.BENCH_REFRESH !== '1') {
    log(
      `workability: ${(100 * (1 - share)).toFixed(0)}% of ${active.toLocaleString('en-US')} active cases judged; roll skipped (BENCH_REFRESH=1 forces it)`,
    );
    return;
  }
  log(`workability roll over ${active.toLocaleString('en-US')} active cases…`);
  let shown = 0;
  const summary = await refreshAllWorkability(db, now, 1000, {
    onProgress: (judged) => {
      if (judged - shown < 100_000) return;
      shown = judged;
      log(`    ${judged.toLocaleString('en-US')} judged`);
    },
  });
  const rate = Math.round(summary.judged / (summary.ms / 1000));
  // As autovacuum would after the nightly roll: the roll rewrote most rows and the planner needs fresh statistics.
  await db.execute(sql`vacuum (analyze) case_queue_state`);
  log(
    `refreshAllWorkability: ${summary.judged.toLocaleString('en-US')} cases in ${(summary.ms / 1000).toFixed(1)} s (${rate.toLocaleString('en-US')} cases/s, ${summary.batches} batches of 1,000)`,
  );
}

/** The agents with the most active cases (the seed's), bench agents excluded. */
async function busiestAgents(db: Database): Promise<SessionUser[]> {
  const rows = await queryRows<{
    id: string;
    email: string;
    name: string;
    team_id: string | null;
    locale: string;
    time_zone: string;
    language: Language;
  }>(
    db,
    sql`select u.id, u.email, u.name, u.team_id, u.locale, u.time_zone, u.language from users u
        where u.role = 'agent' and u.email not like '%@bench.invalid'
        order by (select count(*) from cases c where c.assigned_agent_id = u.id and c.status = 'active') desc
        limit 5`,
  );
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    name: r.name,
    role: 'agent',
    teamIds: r.team_id ? [r.team_id] : [],
    locale: r.locale,
    timeZone: r.time_zone,
    language: r.language,
  }));
}

async function benchPage(db: Database, raw: postgres.Sql, now: Date, log: (text: string) => void) {
  const agents = await busiestAgents(db);
  if (agents.length === 0) return log('(a) skipped: no agent has cases');
  const pick = (i: number) => ({
    agent: agents[i % agents.length]!,
    page: 1 + (Math.floor(i / agents.length) % 3),
  });
  const callers = agents.map((agent) => callerAs(db, agent, now));
  let judged = 0;
  const ours = async (i: number) => {
    const { page } = pick(i);
    const result = await callers[i % agents.length]!.queues.list({ queue: 'mine', page, pageSize: 50 });
    judged += result.rows.filter((row) => !row.workableNow).length;
  };
  const baseline = (i: number) => {
    const { agent, page } = pick(i);
    return raw`select q.case_id, c.account_ref, d.full_name, c.currency, c.balance_minor, c.days_past_due, c.bucket,
        c.stage, q.priority, c.last_contact_at, q.next_workable_at, c.claimed_by, c.claim_expires_at
      from case_queue_state q join cases c on c.id = q.case_id join debtors d on d.id = c.debtor_id
      where q.assigned_agent_id = ${agent.id} and q.status = 'active'
      order by q.priority desc, q.case_id desc limit 50 offset ${(page - 1) * 50}`;
  };
  await interleaved(30, ours, baseline);
  judged = 0;
  const timing = await interleaved(PAGE_RUNS, ours, baseline);
  log(
    line(
      `(a) queue "mine", 50 rows by priority, ${PAGE_RUNS} pages of ${agents.length} agents`,
      timing.ours,
      timing.raw,
      'p95 < 30 ms',
    ),
  );
  log(
    `    (each page also counts its queue and explains ${(judged / PAGE_RUNS).toFixed(1)} rows not workable now, from the stored rule and reason)`,
  );
}

/** Every other queue and the sidebar counts, for the same agents: what an agent opens besides "mine". */
async function benchOtherQueues(db: Database, now: Date, log: (text: string) => void) {
  const agents = await busiestAgents(db);
  if (agents.length === 0) return;
  const callers = agents.map((agent) => callerAs(db, agent, now));
  const runs = 60;
  log(
    `(c) the other queues, page 1 of 50 rows by priority, ${runs} pages of ${agents.length} agents (goal p95 < 30 ms)`,
  );
  for (const queue of QUEUES.filter((name) => name !== 'mine')) {
    let rows = 0;
    const page = async (i: number) => {
      rows += (await callers[i % agents.length]!.queues.list({ queue, pageSize: 50 })).rows.length;
    };
    await time(WARM_UP, page);
    rows = 0;
    const timing = await time(runs, page);
    log(
      `    ${queue.padEnd(20)} p50 ${ms(timing.p50)}, p95 ${ms(timing.p95)}  (${(rows / runs).toFixed(1)} rows a page)`,
    );
  }
  const counts = (i: number) => callers[i % agents.length]!.queues.counts({});
  await time(WARM_UP, counts);
  const timing = await time(runs, counts);
  log(`    sidebar counts (all six)  p50 ${ms(timing.p50)}, p95 ${ms(timing.p95)}`);
}

async function benchNext(db: Database, raw: postgres.Sql, log: (text: string) => void) {
  // The next noon in New York (17:00 UTC), when the bench debtors' calling window is open. Not an instant in the
  // past: the book was judged at the real time, and pressing before that judgement leaves the planner believing
  // almost nothing is workable yet, so it sorts a whole pool instead of walking its priority index (both for the
  // raw SQL and for ours), which is not the state a working day starts from.
  const noon = Math.floor(Date.now() / DAY_MS) * DAY_MS + 17 * 3_600_000;
  const now = new Date(noon >= Date.now() ? noon : noon + DAY_MS);
  const expires = new Date(now.getTime() + 15 * 60_000);
  const floor = await benchFloor(db);
  const claimable = (scope: postgres.PendingQuery<postgres.Row[]>, tx: postgres.TransactionSql) =>
    tx`select q.case_id as id from case_queue_state q join cases c on c.id = q.case_id
        where ${scope} and q.status = 'active' and q.next_workable_at <= ${now}
        and (c.claimed_by is null or c.claim_expires_at <= ${now})
        order by q.priority desc, q.case_id desc limit 1 for update of c skip locked`;
  const rawPress = (worker: number) =>
    raw.begin(async (tx) => {
      const me = floor.agents[worker]!.id;
      const [row] = [
        ...(await claimable(tx`q.assigned_agent_id = ${me}`, tx)),
        ...(await claimable(tx`q.assigned_agent_id is null and q.team_id = ${floor.teamId}`, tx)),
      ];
      if (!row) return null;
      await tx`update cases set claimed_by = ${me}, claim_expires_at = ${expires},
          assigned_agent_id = coalesce(assigned_agent_id, ${me}) where id = ${row.id}`;
      return row.id as string;
    }) as Promise<string | null>;
  const callers = floor.agents.map((agent) => callerAs(db, agent, now));
  const oursPress = async (worker: number) => (await callers[worker]!.queues.next()).caseId;

  // One untimed round of each first, as the page bench warms up: every pooled connection prepares its statements
  // on first use (ours and the raw SQL's alike) and the JIT compiles the press.
  for (const press of [rawPress, oursPress]) {
    await resetPool(db, floor.teamId, now);
    await pressing(BENCH_AGENTS, PRESSES / ROUNDS, press);
  }
  // Rounds of each in turn, so both meet the same load on a shared machine; the pool is reset before each.
  const rawRuns: Array<Awaited<ReturnType<typeof pressing>>> = [];
  const oursRuns: Array<Awaited<ReturnType<typeof pressing>>> = [];
  for (let round = 0; round < ROUNDS; round++) {
    await resetPool(db, floor.teamId, now);
    rawRuns.push(await pressing(BENCH_AGENTS, PRESSES / ROUNDS, rawPress));
    await resetPool(db, floor.teamId, now);
    oursRuns.push(await pressing(BENCH_AGENTS, PRESSES / ROUNDS, oursPress));
  }
  await resetPool(db, floor.teamId, now);
  const rawRun = percentiles(rawRuns.flatMap((run) => run.durations));
  const oursRun = percentiles(oursRuns.flatMap((run) => run.durations));
  log(
    line(
      `(b) next case, ${BENCH_AGENTS} agents pressing at once, ${PRESSES} presses`,
      oursRun,
      rawRun,
      'p95 < 30 ms',
    ),
  );
  const distinct = oursRuns.map((run) => new Set(run.taken.filter((id) => id !== null)).size);
  log(`    distinct cases claimed in each round of ${PRESSES / ROUNDS} presses: ${distinct.join(', ')}`);
  // The same presses by one agent alone: what a press costs when nothing competes for the rows or the server.
  await resetPool(db, floor.teamId, now);
  const alone = await interleaved(
    SOLO_PRESSES,
    () => oursPress(0),
    () => rawPress(1),
  );
  await resetPool(db, floor.teamId, now);
  log(line(`    one agent pressing alone, ${SOLO_PRESSES} presses`, alone.ours, alone.raw, 'p95 < 30 ms'));
  log(
    `    left behind: ${PRESSES + SOLO_PRESSES} "queue.claimFromPool" audit rows; the bench pool is back unassigned`,
  );
}

export async function runQueuesBench(log: (text: string) => void = console.log): Promise<number> {
  const handle = await openDatabase({ url: BENCH_URL, poolSize: CONNECTIONS });
  const raw = postgres(BENCH_URL, { onnotice: () => {}, max: CONNECTIONS });
  try {
    const why = await unusable(handle.db);
    if (why !== null) {
      console.error(`The bench database ${BENCH_URL} is not usable: ${why}.`);
      console.error('Create and seed it with:\n  createdb -h 127.0.0.1 -U postgres arrears_seed');
      console.error(
        '  DATABASE_URL=postgres://postgres@127.0.0.1:5432/arrears_seed pnpm db:seed --cases 1000000',
      );
      console.error('or point BENCH_DATABASE_URL at another migrated and seeded PostgreSQL database.');
      return 1;
    }
    const [size] = await queryRows<{ cases: number }>(
      handle.db,
      sql`select count(*)::int as cases from cases`,
    );
    log(`database ${BENCH_URL.replace(/\/\/[^@]*@/, '//')}: ${size!.cases.toLocaleString('en-US')} cases`);
    const now = new Date();
    await rollIfNeeded(handle.db, now, log);
    await benchPage(handle.db, raw, now, log);
    await benchNext(handle.db, raw, log);
    await benchOtherQueues(handle.db, now, log);
    return 0;
  } finally {
    await raw.end({ timeout: 5 });
    await handle.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await runQueuesBench();
}
