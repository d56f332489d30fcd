import { openDatabase } from '../../db/client.ts';
import { backfillReportRollups } from './rollups.ts';

/**
 * `pnpm reports:backfill`: rebuilds every report rollup of DATABASE_URL (or the embedded database) from the
 * raw rows — after a bulk load that bypassed the triggers, or to re-credit collections after reassignments.
 */
const handle = await openDatabase({ url: process.env.DATABASE_URL, poolSize: 1 });
const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
try {
  await handle.migrate();
  const { months } = await backfillReportRollups(handle.db, new Date(), (m) =>
    console.log(`  [${elapsed()}] ${m}`),
  );
  console.log(`report rollups rebuilt (${months} months of bucket rolls) in ${elapsed()}`);
} finally {
  await handle.close();
}
