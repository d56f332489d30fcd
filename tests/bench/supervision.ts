import type { SessionUser } from '@arrears/shared/schemas/auth';
import { eq, sql } from 'drizzle-orm';
import { openDatabase, queryRows } from '../../server/src/db/client.ts';
import * as s from '../../server/src/db/schema/index.ts';
import { createCaller } from '../../server/src/trpc/router.ts';

/**
 * `pnpm bench` (supervision): p50/p95 of the supervisor's pages as sam (the US team, about 660,000 active cases on
 * the million-case seed) sees them — the approvals queue's first page of pending requests with each one's verdict,
 * the unresolved complaints, the team overview (active cases per agent and the pool), and the team's cases (page 1,
 * and page 1 of one bucket). Reads only. Goal: p95 well under 300 ms each.
 */
const URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/arrears_seed';
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const SUPERVISOR_EMAIL = 'sam@arrearsdesk.demo';

function percentiles(durations: number[]) {
  const sorted = [...durations].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
  return { p50: at(0.5), p95: at(0.95) };
}

async function time(runs: number, once: () => Promise<unknown>) {
  const durations: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await once();
    durations.push(performance.now() - start);
  }
  return percentiles(durations);
}

const handle = await openDatabase({ url: URL, poolSize: 10 }).catch((error: Error) => {
  console.error(`Cannot open ${URL}: ${error.message}`);
  console.error('Create it with: DATABASE_URL=<url> pnpm db:seed --cases 1000000 --reset');
  process.exit(1);
});
const db = handle.db;
const [sam] = await db.select().from(s.users).where(eq(s.users.email, SUPERVISOR_EMAIL));
if (!sam) {
  console.error(
    `${URL} has no demo supervisor ${SUPERVISOR_EMAIL}; seed it with pnpm db:seed --cases 1000000 --reset`,
  );
  process.exit(1);
}
const teamRows = await db
  .select({ teamId: s.supervisorTeams.teamId })
  .from(s.supervisorTeams)
  .where(eq(s.supervisorTeams.supervisorId, sam.id));
const user: SessionUser = { ...sam, teamIds: teamRows.map((t) => t.teamId) };
const teamId = user.teamIds[0];
if (!teamId) {
  console.error(`${SUPERVISOR_EMAIL} runs no team on ${URL}`);
  process.exit(1);
}
const [{ n: caseCount } = { n: 0 }] = await queryRows<{ n: number }>(
  db,
  sql`select count(*)::int as n from cases`,
);
const caller = createCaller({
  db,
  user,
  sessionTokenHash: null,
  ip: '127.0.0.1',
  userAgent: 'bench',
  sessionTtlHours: 12,
  now: () => new Date(),
  cookies: { set: () => {}, clear: () => {} },
});

const parts: Array<[string, () => Promise<unknown>]> = [
  ['approvals.list (pending, 50 with verdicts)', () => caller.approvals.list({ pageSize: 50 })],
  ['approvals.list (pending, 25 with verdicts)', () => caller.approvals.list({ pageSize: 25 })],
  ['complaints.list (unresolved, page 1)', () => caller.complaints.list({})],
  ['team.overview', () => caller.team.overview()],
  ['team.cases (page 1)', () => caller.team.cases({ teamId })],
  ['team.cases (bucket dpd_31_60, page 1)', () => caller.team.cases({ teamId, bucket: 'dpd_31_60' })],
];

const fmt = (ms: number) => `${ms.toFixed(1).padStart(7)} ms`;
console.log(
  `supervisor pages over ${caseCount.toLocaleString('en')} cases as ${SUPERVISOR_EMAIL}, ${RUNS} runs each (goal p95 < 300 ms)`,
);
for (const [name, call] of parts) {
  await time(3, call);
  const p = await time(RUNS, call);
  console.log(`  ${name.padEnd(44)} p50 ${fmt(p.p50)}   p95 ${fmt(p.p95)}`);
}
await handle.close();
