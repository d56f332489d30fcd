import { sql } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { caseQueueState } from '../schema/index.ts';

/**
 * Writes the seed's queue rows (case_queue_state) with its estimates of priority and workable instant. Where the
 * trigger that gives each new case its queue row could not be set aside for the load (a seed by a role that does not
 * own the tables, as the tests' app role), the rows are already there: the estimates replace its defaults. The
 * bulk path streams them by COPY instead, with that trigger off.
 */
export async function writeQueueRows(
  db: Executor,
  rows: Array<typeof caseQueueState.$inferInsert>,
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(caseQueueState)
    .values(rows)
    .onConflictDoUpdate({
      target: caseQueueState.caseId,
      set: { priority: sql`excluded.priority`, nextWorkableAt: sql`excluded.next_workable_at` },
    });
}
