import { sql } from 'drizzle-orm';
import { openDatabase } from '../../db/client.ts';
import { ownerUrlOf } from '../../db/roles.ts';
import { backfillContactInsights } from './insights.ts';

/**
 * `pnpm oversight:backfill`: stamps `contact_insights` for every contact of DATABASE_URL (or the embedded
 * database) recorded before the table existed, with the same derivation the contact write uses. Idempotent.
 * As DATABASE_OWNER_URL when set: only a table's owner may ANALYZE it (decision 021).
 */
const urls = { url: process.env.DATABASE_URL, ownerUrl: process.env.DATABASE_OWNER_URL };
const handle = await openDatabase({ url: ownerUrlOf(urls), poolSize: 1 });
const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
try {
  await handle.db.execute(sql`set jit = off`);
  const stamped = await backfillContactInsights(handle.db);
  await handle.db.execute(sql`analyze contact_insights`);
  console.log(`stamped ${stamped} contacts in ${elapsed()}`);
} finally {
  await handle.close();
}
