import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';

/**
 * Recomputes, set-based, the columns of `cases` that triggers keep (migrations 0017 and 0019): the promise keys
 * and the calendar-zone hint. Only rows that change are written. The seed's bulk path streams its tables side by
 * side, so a trigger may have fired before the rows it updates were there; it calls this once at the end.
 */
export async function refreshCaseKeys(db: Executor): Promise<void> {
  await db.execute(sql`select cases_refresh_promise_keys(array(select distinct case_id from promises))`);
  await db.execute(sql`select cases_refresh_all_zone_hints()`);
}
