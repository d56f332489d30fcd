import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';

/**
 * The triggers that keep the case's promise keys and calendar-zone hint (migrations 0017 and 0019). The seed's bulk
 * load switches them off and calls refreshCaseKeys once instead: the zone-hint trigger runs per inserted case, a scan of contact points each while the
 * load has their indexes set aside.
 */
export const CASE_KEY_TRIGGERS = [
  'promises_case_keys_insert',
  'promises_case_keys_update',
  'promises_case_keys_delete',
  'cases_zone_hint_insert',
  'debtors_zone_hint_update',
  'contact_points_zone_hint_insert',
  'contact_points_zone_hint_update',
  'contact_points_zone_hint_delete',
];

/**
 * Recomputes, set-based, the columns of `cases` that triggers keep (migrations 0017 and 0019): the promise keys
 * and the calendar-zone hint. Only rows that change are written. The seed's bulk path streams its tables side by
 * side, so a trigger may have fired before the rows it updates were there; it calls this once at the end.
 */
export async function refreshCaseKeys(db: Executor): Promise<void> {
  await db.execute(sql`select cases_refresh_promise_keys(array(select distinct case_id from promises))`);
  await db.execute(sql`select cases_refresh_all_zone_hints()`);
}
