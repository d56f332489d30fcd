import { sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { users } from '../schema/index.ts';
import { type SeedOptions, seedDemoBook } from './demo-book.ts';

/** Any fixed number works; it only has to be the same in every instance that may start at once. */
const FIRST_RUN_LOCK = 2026_0001;

/**
 * Seeds the demo book when the database has no users yet, so a newcomer's first start shows a worked book.
 * The check and the seed share one transaction behind an advisory lock: two instances starting together
 * against one server seed once. Returns whether it seeded.
 */
export async function seedIfEmpty(
  db: Database,
  options: Pick<SeedOptions, 'cases' | 'seed' | 'now' | 'onProgress'>,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${FIRST_RUN_LOCK})`);
    const [anyone] = await tx.select({ id: users.id }).from(users).limit(1);
    if (anyone) return false;
    await seedDemoBook(tx, options);
    return true;
  });
}
