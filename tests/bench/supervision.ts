import { sql } from 'drizzle-orm';
import { queryRows } from '../../server/src/db/client.ts';
import { BENCH_URL, benchCaller, benchUser, openBenchDatabase, time } from './support.ts';

/**
 * `pnpm bench` (supervision): p50/p95 of the supervisor's pages as sam (the US team, about 660,000 active cases on
 * the million-case seed) sees them — the approvals queue's first page of pending requests with each one's verdict,
 * the unresolved complaints, the team overview (active cases per agent and the pool), and the team's cases (page 1,
 * and page 1 of one bucket). Reads only. Goal: p95 well under 300 ms each.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const SUPERVISOR_EMAIL = 'sam@arrearsdesk.demo';

const handle = await openBenchDatabase(10);
const db = handle.db;
const user = await benchUser(db, SUPERVISOR_EMAIL, 'supervisor');
const teamId = user.teamIds[0];
if (!teamId) {
  console.error(`${SUPERVISOR_EMAIL} runs no team on ${BENCH_URL}`);
  process.exit(1);
}
const [{ n: caseCount } = { n: 0 }] = await queryRows<{ n: number }>(
  db,
  sql`select count(*)::int as n from cases`,
);
const caller = benchCaller(db, user);

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
