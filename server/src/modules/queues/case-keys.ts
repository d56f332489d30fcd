import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';

/**
 * Recomputes, set-based, the columns of `case_queue_state` that triggers keep (db/triggers.ts): the promise keys
 * and the calendar-zone hint. Only rows that change are written. The seed's bulk path streams its tables side by
 * side with those triggers off, so it calls this once at the end.
 */
export async function refreshCaseKeys(db: Executor): Promise<void> {
  await db.execute(
    sql`select queue_state_refresh_promise_keys(array(select distinct case_id from promises))`,
  );
  await db.execute(sql`select queue_state_refresh_all_zone_hints()`);
}
