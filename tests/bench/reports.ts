import type { SessionUser } from '@arrears/shared/schemas/auth';
import { REPORT_NAMES, type ReportName } from '@arrears/shared/schemas/reports';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../server/src/db/client.ts';
import { BENCH_URL, benchCaller, benchUser, openBenchDatabase, time } from './support.ts';

/**
 * `pnpm bench` (reports): p50/p95 of every recovery report as the manager calls it (tRPC caller, rollups of
 * decision record 011), over a year of the book and over the whole book, all portfolios and one portfolio,
 * plus the CSV export of the biggest. Reads only. Goal: p95 under 500 ms.
 * BENCH_DATABASE_URL names the book (default arrears_seed); its rollups must be filled
 * (`DATABASE_URL=<url> pnpm reports:backfill`). For the million payments, see README "Recovery reports".
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const MANAGER_EMAIL = 'morgan@arrearsdesk.demo';

const handle = await openBenchDatabase(10, { seedHint: false });
const db = handle.db;
const manager = await benchUser(db, MANAGER_EMAIL, 'manager');
const [rollups] = await queryRows<{ n: number }>(
  db,
  sql`select count(*)::int as n from report_vintage_cohorts`,
);
if (!rollups?.n) {
  console.error(`${BENCH_URL} has empty report rollups: run DATABASE_URL=${BENCH_URL} pnpm reports:backfill`);
  process.exit(1);
}
const [book] = await queryRows<{ cases: number; payments: number; contacts: number; first: string }>(
  db,
  sql`select (select count(*) from cases)::int as cases, (select count(*) from payments)::int as payments,
             (select count(*) from contact_log)::int as contacts,
             (select min(placed_at)::date::text from cases) as first`,
);
const [portfolio] = await queryRows<{ id: string; name: string }>(
  db,
  sql`select p.id, p.name from portfolios p join cases c on c.portfolio_id = p.id group by 1, 2 order by count(*) desc limit 1`,
);
const user: SessionUser = { ...manager, teamIds: [] };
const now = new Date();
const caller = benchCaller(db, user, { now: () => now });

const today = now.toISOString().slice(0, 10);
const yearAgo = new Date(now.getTime() - 365 * 86_400_000).toISOString().slice(0, 10);
const ranges = [
  { label: 'last 12 months, all portfolios', filters: { from: yearAgo, to: today, portfolioIds: [] } },
  { label: 'whole book, all portfolios', filters: { from: book!.first, to: today, portfolioIds: [] } },
  {
    label: `last 12 months, ${portfolio!.name}`,
    filters: { from: yearAgo, to: today, portfolioIds: [portfolio!.id] },
  },
];

function call(name: ReportName, filters: (typeof ranges)[number]['filters']) {
  if (name === 'collected') return caller.reports.collected({ filters, grain: 'day' });
  return caller.reports[name]({ filters });
}

const fmt = (ms: number) => `${ms.toFixed(1).padStart(7)} ms`;
console.log(
  `recovery reports over ${book!.cases.toLocaleString('en')} cases, ${book!.payments.toLocaleString('en')} payments, ` +
    `${book!.contacts.toLocaleString('en')} contacts; ${RUNS} runs each (goal p95 < 500 ms)`,
);
let worst = 0;
for (const range of ranges) {
  console.log(`  ${range.label}:`);
  for (const name of REPORT_NAMES) {
    await time(3, () => call(name, range.filters));
    const p = await time(RUNS, () => call(name, range.filters));
    worst = Math.max(worst, p.p95);
    console.log(`    ${name.padEnd(24)} p50 ${fmt(p.p50)}   p95 ${fmt(p.p95)}`);
  }
}
const csv = await time(RUNS, () =>
  caller.reports.csv({ report: 'vintage', filters: ranges[1]!.filters, grain: 'month' }),
);
worst = Math.max(worst, csv.p95);
console.log(`  csv export (vintage, whole book)  p50 ${fmt(csv.p50)}   p95 ${fmt(csv.p95)}`);
console.log(`  worst p95 ${fmt(worst)} ${worst < 500 ? '(goal met)' : '(GOAL MISSED)'}`);
await handle.close();
