import { type Executor, queryRows } from '../../db/client.ts';
import * as statements from './reports.statements.ts';

/**
 * Report rollups (decision record 011). Collections, contacts, promises and vintage cohorts are kept by
 * triggers (drizzle/0006); bucket rolls depend on the calendar, not on an insert, so `snapshotBuckets` writes
 * them, once per completed month. `backfillReportRollups` rebuilds everything from the raw rows.
 */

/** `YYYY-MM-01` of the UTC month of an instant, shifted by `shift` months. */
export function monthStart(at: Date, shift = 0): string {
  const d = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + shift, 1));
  return d.toISOString().slice(0, 10);
}

/**
 * Writes (replaces) the bucket rolls of one calendar month `month` (`YYYY-MM-01`). A case's state at a month
 * end is `closed` once it closed before the end, otherwise the bucket of its days past due on the month's
 * last day (that day minus the due date); a case placed during the month rolls from `new`. Cases closed
 * before the month began are left out.
 */
export async function snapshotMonth(tx: Executor, month: string): Promise<void> {
  await tx.execute(statements.deleteBucketRolls(month));
  await tx.execute(statements.insertBucketRolls(month));
}

/**
 * The nightly hook: writes the bucket rolls of the last month completed before `asOf` (UTC), unless they are
 * already there. Called from the nightly roll; cheap on every night but the first of a month.
 */
export async function snapshotBuckets(
  tx: Executor,
  asOf: Date,
): Promise<{ month: string; written: boolean }> {
  const month = monthStart(asOf, -1);
  const [done] = await queryRows<{ n: number }>(tx, statements.countBucketRolls(month));
  if ((done?.n ?? 0) > 0) return { month, written: false };
  const [any] = await queryRows<{ n: number }>(tx, statements.countCasesPlacedBefore(month));
  if ((any?.n ?? 0) === 0) return { month, written: false };
  await snapshotMonth(tx, month);
  return { month, written: true };
}

/** Writes the bucket rolls of every completed month from the first placement up to `now`; the count written. */
export async function snapshotBucketMonths(db: Executor, now: Date): Promise<number> {
  const [first] = await queryRows<{ month: string | null }>(db, statements.firstPlacementMonth());
  const last = monthStart(now, -1);
  let months = 0;
  for (let month = first?.month ?? null; month !== null && month <= last; ) {
    await snapshotMonth(db, month);
    months += 1;
    month = monthStart(new Date(`${month}T00:00:00Z`), 1);
  }
  return months;
}

/**
 * Rebuilds every rollup from the raw rows, in one transaction that holds the source tables still (SHARE
 * locks: reads go on, writes wait). Payments credit the case's assigned agent as it is now.
 */
export async function backfillReportRollups(
  db: Executor,
  now: Date,
  log: (message: string) => void = () => {},
): Promise<{ months: number }> {
  return db.transaction(async (tx) => {
    await tx.execute(statements.lockRollupSources());
    await tx.execute(statements.truncateRollups());
    for (const [insert, done] of statements.rebuildRollups()) {
      await tx.execute(insert);
      if (done) log(done);
    }
    const months = await snapshotBucketMonths(tx, now);
    log(`bucket rolls of ${months} months`);
    return { months };
  });
}
