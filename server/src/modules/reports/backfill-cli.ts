import { openDatabase } from '../../db/client.ts';
import { migrateForApp, ownerUrlOf } from '../../db/roles.ts';
import { backfillReportRollups } from './rollups.ts';

/**
 * `pnpm reports:backfill`: rebuilds every report rollup of DATABASE_URL (or the embedded database) from the
 * raw rows — after a bulk load that bypassed the triggers, or to re-credit collections after reassignments.
 * It connects as DATABASE_OWNER_URL when set: the rebuild truncates the rollups and holds the history tables still
 * (SHARE locks), which the app's own role may not (decision 021).
 */
const urls = { url: process.env.DATABASE_URL, ownerUrl: process.env.DATABASE_OWNER_URL };
const handle = await openDatabase({ url: ownerUrlOf(urls), poolSize: 1 });
const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
try {
  await migrateForApp(handle, urls);
  const { months } = await backfillReportRollups(handle.db, new Date(), (m) =>
    console.log(`  [${elapsed()}] ${m}`),
  );
  console.log(`report rollups rebuilt (${months} months of bucket rolls) in ${elapsed()}`);
} finally {
  await handle.close();
}
