#!/usr/bin/env node
// Before and after, in one sitting: runs `pnpm bench <names>` in two checkouts of the project, alternately (ABBA,
// so a database that grows or warms during a pair favours neither side), and prints the median of every timed figure
// side by side with the ratio after/before.
//
//   node scripts/bench-compare.mjs <before-checkout> <after-checkout> <runs> <bench>…
//   e.g. git worktree add ../before <rev> && node scripts/bench-compare.mjs ../before . 5 compliance queues case-screen
//
// Both checkouts bench the same database (BENCH_DATABASE_URL, see tests/bench/run.ts), unless the change moved the
// schema: then BENCH_BEFORE_DATABASE_URL and BENCH_AFTER_DATABASE_URL name one database each (the "after" one a copy
// of the "before" one, migrated: `createdb -T <before> <after>` then `pnpm db:migrate`). Standard library only.
import { spawnSync } from 'node:child_process';

const [before, after, runsText, ...benches] = process.argv.slice(2);
const runs = Number(runsText);
if (!before || !after || !Number.isInteger(runs) || runs < 1 || benches.length === 0) {
  console.error('usage: node scripts/bench-compare.mjs <before-checkout> <after-checkout> <runs> <bench>…');
  process.exit(2);
}

/** Every timed figure of one bench's output: `label · metric` → value. */
function figures(output) {
  const found = new Map();
  for (const line of output.split('\n')) {
    const label = line
      .trim()
      .split(/\s(?:p50|p95|\d)/)[0]
      .slice(0, 60);
    for (const [, metric, value] of line.matchAll(/\b(p50|p95)\s+([\d.,]+)\s*ms/g)) {
      found.set(`${label} · ${metric}`, Number(value.replaceAll(',', '')));
    }
    const rate = /([\d,]+) evaluations\/s/.exec(line);
    if (rate) found.set(`${label} · evaluations/s`, Number(rate[1].replaceAll(',', '')));
    for (const [, metric, value] of line.matchAll(/ratio:?\s+(p50|p95)\s+([\d.]+)[×x]/g)) {
      found.set(`${label} ratio to raw SQL · ${metric}`, Number(value));
    }
  }
  return found;
}

const samples = new Map(); // bench → figure → { before: [], after: [] }
for (let run = 0; run < runs; run++) {
  for (const bench of benches) {
    const pair = [
      ['before', before],
      ['after', after],
    ];
    for (const [side, cwd] of run % 2 === 0 ? pair : pair.reverse()) {
      const database = process.env[`BENCH_${side.toUpperCase()}_DATABASE_URL`];
      const env = database ? { ...process.env, BENCH_DATABASE_URL: database } : process.env;
      const result = spawnSync('pnpm', ['bench', bench], { cwd, env, encoding: 'utf8' });
      if (result.status !== 0) {
        console.error(`pnpm bench ${bench} failed in ${cwd}:\n${result.stdout}\n${result.stderr}`);
        process.exit(1);
      }
      const byFigure = samples.get(bench) ?? new Map();
      samples.set(bench, byFigure);
      for (const [figure, value] of figures(result.stdout)) {
        const entry = byFigure.get(figure) ?? { before: [], after: [] };
        entry[side].push(value);
        byFigure.set(figure, entry);
      }
    }
    console.error(`run ${run + 1}/${runs}: ${bench}`);
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
console.log(`medians of ${runs} runs each, alternating which side runs first\n`);
console.log(
  `${'bench'.padEnd(12)}${'figure'.padEnd(76)}${'before'.padStart(11)}${'after'.padStart(11)}  after/before`,
);
for (const [bench, byFigure] of samples) {
  for (const [figure, { before: b, after: a }] of byFigure) {
    if (b.length === 0 || a.length === 0) continue;
    const [mb, ma] = [median(b), median(a)];
    const ratio = figure.endsWith('evaluations/s') ? mb / ma : ma / mb; // > 1 is slower either way
    console.log(
      `${bench.padEnd(12)}${figure.padEnd(76)}${mb.toFixed(2).padStart(11)}${ma.toFixed(2).padStart(11)}  ${ratio.toFixed(2)}${ratio > 1.1 ? '  slower by more than 10 %' : ''}`,
    );
  }
}
