import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { type Database, preparing, queryRows } from '../../server/src/db/client.ts';
import { BENCH_URL, benchCaller, benchUser, openBenchDatabase, time } from './support.ts';

/**
 * `pnpm bench` (case screen): p50/p95 of the data the case screen loads when an agent opens a case — the case
 * with its debtor and contact points (`casework.get`), the first timeline page (`casework.timeline`) and the
 * verdict of every action (`compliance.check`), requested together as the dashboard does — beside raw SQL that
 * reads the same rows: every statement those three procedures send for that case (captured once per case through
 * postgres.js's debug hook), replayed through postgres.js alone, all at once on the pool. Replaying them all at once
 * ignores that some wait for others, so the baseline is if anything too fast. Reads only. Goal: p95 under 50 ms,
 * ratio under 2x. The smaller baseline of earlier runs (the case, its contact points and 50 contact-log rows) is
 * printed too, for comparison.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 300);
const AGENT_EMAIL = 'alice@arrearsdesk.demo';

const handle = await openBenchDatabase(10);
const db = handle.db;
const user = await benchUser(db, AGENT_EMAIL, 'agent');
const [{ n: caseCount } = { n: 0 }] = await queryRows<{ n: number }>(
  db,
  sql`select count(*)::int as n from cases`,
);
const picked = await queryRows<{ id: string; debtor_id: string }>(
  db,
  sql`select id, debtor_id from cases where assigned_agent_id = ${user.id} order by md5(id::text) limit ${RUNS}`,
);
const caller = benchCaller(db, user);

/** Every statement (text and parameters) the screen's three procedures send for each picked case. */
const captured: Array<{ text: string; params: unknown[] }[]> = [];
{
  let sink: { text: string; params: unknown[] }[] | null = null;
  const client = postgres(BENCH_URL, {
    onnotice: () => {},
    max: 4,
    debug: (_connection, text, params) => {
      if (sink && /^\s*(select|with)\b/i.test(text)) sink.push({ text, params: params as unknown[] });
    },
  });
  const capturing = benchCaller(drizzle({ client: preparing(client) }) as unknown as Database, user);
  for (const { id: caseId } of picked) {
    sink = [];
    await Promise.all([
      capturing.casework.get({ caseId }),
      capturing.casework.timeline({ caseId, limit: 50 }),
      capturing.compliance.check({ caseId }),
    ]);
    captured.push(sink);
  }
  sink = null;
  await client.end({ timeout: 5 });
}
const raw = postgres(BENCH_URL, { onnotice: () => {}, max: 10 });

const screen = (i: number) => {
  const caseId = picked[i % picked.length]!.id;
  return Promise.all([
    caller.casework.get({ caseId }),
    caller.casework.timeline({ caseId, limit: 50 }),
    caller.compliance.check({ caseId }),
  ]);
};
const replay = (i: number) =>
  Promise.all(
    captured[i % captured.length]!.map(({ text, params }) =>
      raw.unsafe(text, params as postgres.ParameterOrJSON<never>[], { prepare: true }),
    ),
  );
const smaller = (i: number) => {
  const { id, debtor_id } = picked[i % picked.length]!;
  return Promise.all([
    queryRows(
      db,
      sql`select c.*, d.*, p.name from cases c join debtors d on d.id = c.debtor_id
      join portfolios p on p.id = c.portfolio_id where c.id = ${id}`,
    ),
    queryRows(db, sql`select * from contact_points where debtor_id = ${debtor_id}`),
    queryRows(db, sql`select * from contact_log where case_id = ${id} order by occurred_at desc limit 50`),
  ]);
};

await time(20, screen);
await time(20, replay);
await time(20, smaller);
const api = await time(picked.length, screen);
const baseline = await time(picked.length, replay);
const small = await time(picked.length, smaller);
const statements = captured.reduce((sum, list) => sum + list.length, 0) / captured.length;
const fmt = (ms: number) => `${ms.toFixed(2)} ms`;
const part = (name: string, call: (caseId: string) => Promise<unknown>) =>
  time(picked.length, (i) => call(picked[i % picked.length]!.id)).then((p) =>
    console.log(`  ${name.padEnd(44)} p50 ${fmt(p.p50)}   p95 ${fmt(p.p95)}`),
  );
console.log(
  `case screen data over ${caseCount.toLocaleString('en')} cases, ${picked.length} cases opened by ${AGENT_EMAIL}`,
);
console.log(
  `  casework.get + timeline + compliance.check   p50 ${fmt(api.p50)}   p95 ${fmt(api.p95)}   (goal p95 < 50 ms)`,
);
console.log(
  `  raw SQL for the same rows                    p50 ${fmt(baseline.p50)}   p95 ${fmt(baseline.p95)}   (the ${statements.toFixed(1)} statements they send, replayed)`,
);
console.log(
  `  ratio                                        p50 ${(api.p50 / baseline.p50).toFixed(2)}x   p95 ${(api.p95 / baseline.p95).toFixed(2)}x   (goal < 2x)`,
);
console.log(
  `  earlier, smaller baseline (case, points, 50 contacts)   p50 ${fmt(small.p50)}   p95 ${fmt(small.p95)}   ratio p50 ${(api.p50 / small.p50).toFixed(1)}x`,
);
console.log('  each part alone:');
await part('casework.get', (caseId) => caller.casework.get({ caseId }));
await part('casework.timeline (50 items)', (caseId) => caller.casework.timeline({ caseId, limit: 50 }));
await part('compliance.check', (caseId) => caller.compliance.check({ caseId }));
await raw.end({ timeout: 5 });
await handle.close();
