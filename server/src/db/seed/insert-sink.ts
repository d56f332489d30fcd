import type { Executor } from '../client.ts';
import { writeQueueRows } from './queue-rows.ts';
import { LOAD_ORDER, type RowBatch, type RowSink } from './row-batch.ts';

/**
 * Multi-row INSERTs through Drizzle, table by table in foreign-key order, with every constraint and index in
 * place. PGlite runs one query at a time, so fewer, larger statements are what makes it fast; 500 rows keep
 * the widest table (cases, ~35 columns) far below PostgreSQL's 65,535 bind parameters.
 */
const ROWS_PER_STATEMENT = 500;

export function insertSink(db: Executor): RowSink {
  return {
    async write(batch: RowBatch) {
      for (const [name, table] of LOAD_ORDER) {
        const rows: unknown[] = batch[name];
        if (name === 'caseQueueState') {
          await writeQueueRows(db, batch.caseQueueState);
          continue;
        }
        for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
          // The batch is typed per table; the loop over tables loses the pairing, which the cast restores.
          await db.insert(table).values(rows.slice(i, i + ROWS_PER_STATEMENT) as never);
        }
      }
    },
    async finish() {},
  };
}
