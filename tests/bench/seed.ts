import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../server/src/db/client.ts';
import { seedIfEmpty } from '../../server/src/db/seed/first-run.ts';
import type { SeedProgress, SeedStep } from '../../server/src/db/seed/seed-progress.ts';

/**
 * `pnpm bench seed`: the first start's demo seed, as `npm start` runs it on a fresh machine: 3,000 cases
 * (BENCH_SEED_CASES) into a new embedded PGlite database on disk, in one transaction. Prints the time of each step,
 * the total (wall clock and this process's CPU time: PGlite runs in it, so the CPU time is the seed's whole cost and
 * what a busy machine stretches), and the ratio to the 10 s target of issue 15. Not a timed test: a figure to read.
 */
const CASES = Number(process.env.BENCH_SEED_CASES ?? 3000);
const TARGET_MS = 10_000;

const dir = mkdtempSync(path.join(tmpdir(), 'arrears-seed-bench-'));
try {
  const handle = await openDatabase({ dataDir: dir });
  await handle.migrate();
  const steps: Array<{ step: SeedStep; at: number }> = [];
  const cpu = process.cpuUsage();
  const started = performance.now();
  await seedIfEmpty(handle.db, {
    cases: CASES,
    onProgress: (progress: SeedProgress) => {
      if (steps.at(-1)?.step !== progress.step) steps.push({ step: progress.step, at: performance.now() });
    },
  });
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpu);
  await handle.close();
  for (const [i, { step, at }] of steps.entries()) {
    if (step === 'done') break;
    const end = steps[i + 1]?.at ?? started + wall;
    console.log(`  ${step.padEnd(10)} ${((end - at) / 1000).toFixed(2).padStart(7)} s`);
  }
  const cpuMs = (used.user + used.system) / 1000;
  console.log(
    `seed of ${CASES.toLocaleString('en-US')} cases on PGlite: ${(wall / 1000).toFixed(2)} s wall, ` +
      `${(cpuMs / 1000).toFixed(2)} s CPU; ${(wall / TARGET_MS).toFixed(2)}× the 10 s target ` +
      `(load average ${loadavg()[0]!.toFixed(1)} on this machine)`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
