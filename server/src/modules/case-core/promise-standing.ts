import { addDays } from '@arrears/shared/domain/calendar';
import type { PromiseStanding } from '@arrears/shared/domain/priority';
import { and, gte, inArray, ne } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { promises } from '../../db/schema/index.ts';

/** A broken promise stays a reason to call for this many days after its due date. */
export const BROKEN_PROMISE_DAYS = 30;

export interface PromiseRow {
  caseId: string;
  status: (typeof promises.$inferSelect)['status'];
  dueDate: string;
  createdAt: Date;
}

const later = (a: PromiseRow, b: PromiseRow) =>
  a.dueDate > b.dueDate || (a.dueDate === b.dueDate && a.createdAt > b.createdAt);

/**
 * Where a case's promises stand on the debtor's `today` (decision record 007). A pending promise past its date
 * counts as broken even before the nightly roll marks it; a later promise (kept or pending) supersedes a broken one.
 */
export function promiseStanding(casePromises: readonly PromiseRow[], today: string): PromiseStanding {
  const live = casePromises.filter((p) => p.status !== 'cancelled');
  if (live.some((p) => p.status === 'pending' && p.dueDate === today)) return 'due_today';
  const latest = live.reduce<PromiseRow | null>(
    (best, p) => (best === null || later(p, best) ? p : best),
    null,
  );
  if (
    latest !== null &&
    latest.dueDate >= addDays(today, -BROKEN_PROMISE_DAYS) &&
    (latest.status === 'broken' || (latest.status === 'pending' && latest.dueDate < today))
  ) {
    return 'broken';
  }
  return live.some((p) => p.status === 'pending' && p.dueDate > today) ? 'pending_future' : 'none';
}

/**
 * The live promises of the cases that can still matter on or after `earliest` (older ones can neither be due today
 * nor recently broken, and a later one would be loaded too).
 */
export async function loadPromises(
  db: Executor,
  caseIds: readonly string[],
  earliest: string,
): Promise<Map<string, PromiseRow[]>> {
  const byCase = new Map<string, PromiseRow[]>();
  if (caseIds.length === 0) return byCase;
  const rows = await db
    .select({
      caseId: promises.caseId,
      status: promises.status,
      dueDate: promises.dueDate,
      createdAt: promises.createdAt,
    })
    .from(promises)
    .where(
      and(
        inArray(promises.caseId, [...caseIds]),
        ne(promises.status, 'cancelled'),
        gte(promises.dueDate, earliest),
      ),
    );
  for (const row of rows) {
    const list = byCase.get(row.caseId);
    if (list) list.push(row);
    else byCase.set(row.caseId, [row]);
  }
  return byCase;
}
