import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client.ts';
import { cases } from '../../db/schema/index.ts';
import { clearClosed, refreshCases } from './projection.ts';

export interface RollOptions {
  /** Transactions in flight at once: one reads facts while another's verdicts are computed. */
  concurrency?: number;
  onProgress?: (judged: number) => void;
}

export interface RollSummary {
  /** Active cases judged. */
  judged: number;
  /** Closed cases whose workability or priority were cleared. */
  closedCleared: number;
  batches: number;
  ms: number;
}

/**
 * Recomputes workability and priority of every case: at start-up when most are unknown, after the seed, and in
 * the nightly roll (a promise falls due or turns broken with the date, days past due grow, a case workable
 * yesterday evening is workable again this morning). Active cases are walked in id order, one transaction per
 * batch that locks its rows first (FOR UPDATE SKIP LOCKED): a row locked by an action in flight is skipped, since
 * that action refreshes it itself on commit, and a row refreshed here cannot be overwritten with older facts.
 */
export async function refreshAllWorkability(
  db: Database,
  now: Date,
  batchSize = 1000,
  options: RollOptions = {},
): Promise<RollSummary> {
  const { concurrency = 2, onProgress } = options;
  const started = performance.now();
  const closedCleared = await clearClosed(db);
  let judged = 0;
  let batches = 0;
  // Batches are cut one after another (a keyset walk of the primary key) and judged by `concurrency` workers.
  let after: string | null = null;
  let cutting: Promise<string[]> = Promise.resolve([]);
  const nextBatch = () => {
    cutting = cutting.then(async () => {
      const ids = await activeIdsAfter(db, after, batchSize);
      after = ids.at(-1) ?? after;
      return ids;
    });
    return cutting;
  };
  const worker = async () => {
    for (let ids = await nextBatch(); ids.length > 0; ids = await nextBatch()) {
      // Awaited first: `judged += await …` would read `judged` before the other worker's batch ended.
      const count = await judgeBatch(db, ids, now);
      judged += count;
      batches++;
      onProgress?.(judged);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { judged, closedCleared, batches, ms: Math.round(performance.now() - started) };
}

function activeIdsAfter(db: Database, after: string | null, limit: number): Promise<string[]> {
  return queryRows<{ id: string }>(
    db,
    sql`select ${cases.id} as id from ${cases}
        where ${cases.status} = 'active' ${after === null ? sql`` : sql`and ${cases.id} > ${after}`}
        order by ${cases.id} limit ${limit}`,
  ).then((rows) => rows.map((row) => row.id));
}

/**
 * One transaction: lock the batch's rows, skipping those locked by an action in flight (which refreshes them itself
 * on commit), then judge and store. Returns how many were judged.
 */
function judgeBatch(db: Database, ids: string[], now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const locked = await queryRows<{ id: string }>(
      tx,
      sql`select ${cases.id} as id from ${cases} where ${cases.id} in ${ids} and ${cases.status} = 'active'
          for update skip locked`,
    );
    await refreshCases(
      tx,
      locked.map((row) => row.id),
      now,
    );
    return locked.length;
  });
}
