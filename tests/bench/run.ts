import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `pnpm bench`: runs every benchmark in turn, each in its own process so one's connections and caches do not
 * colour the next. Each prints its own figures (p50/p95 and the ratio to a raw-SQL baseline). The database is
 * BENCH_DATABASE_URL (default: the one-million-case seed, `pnpm db:seed --cases 1000000 --reset` into
 * postgres://postgres@127.0.0.1:5432/arrears_seed; the seed bench makes its own PGlite book). `pnpm bench queues
 * reports` runs only the benches named.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const BENCHES = [
  'compliance.ts',
  'queues.ts',
  'case-screen.ts',
  'roll.ts',
  'import.ts',
  'reports.ts',
  'audit.ts',
  'reminders.ts',
  'channels.ts',
  'supervision.ts',
  'channels-dialer.ts',
  'seed.ts',
];

const wanted = process.argv.slice(2).map((name) => name.replace(/\.ts$/, ''));
const unknown = wanted.filter((name) => !BENCHES.includes(`${name}.ts`));
if (unknown.length > 0) {
  process.stderr.write(`Unknown bench: ${unknown.join(', ')}. Known: ${BENCHES.join(', ')}\n`);
  process.exit(2);
}
const chosen =
  wanted.length === 0 ? BENCHES : BENCHES.filter((bench) => wanted.includes(bench.replace(/\.ts$/, '')));

const results: Array<{ bench: string; status: string }> = [];
for (const bench of chosen) {
  const file = path.join(here, bench);
  if (!existsSync(file)) continue;
  process.stdout.write(`\n=== ${bench} ===\n`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', file], { stdio: 'inherit', env: process.env });
  results.push({ bench, status: run.status === 0 ? 'ok' : `failed (exit ${run.status})` });
}
process.stdout.write(`\n${results.map((r) => `${r.bench}: ${r.status}`).join('\n')}\n`);
process.exit(results.every((r) => r.status === 'ok') ? 0 : 1);
