import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Sql } from 'postgres';
import type { Executor } from '../client.ts';
import { type CopyColumns, copyColumns, copyText } from './copy-sink.ts';
import { insertSink } from './insert-sink.ts';
import { writeQueueRows } from './queue-rows.ts';
import { filledTables, type RowBatch, type RowSink, type TableName } from './row-batch.ts';

/** What PGlite (or one of its transactions) offers: a query that can read a COPY's data from a blob. */
interface PgliteClient {
  query(query: string, params?: unknown[], options?: { blob?: Blob }): Promise<unknown>;
}

/**
 * COPY through the seed's own connection (decision record 028): table by table in foreign-key order, each
 * batch one COPY per table, inside whatever transaction `db` is (the first run seeds in one). On PGlite the
 * rows go in as a blob (`COPY … FROM '/dev/blob'`); on a server as `COPY … FROM STDIN` on the transaction's
 * connection. Every constraint stays in place. A COPY costs the database a fraction of the same rows as
 * multi-row INSERTs, and costs this process no query building or parameter encoding: on PGlite, which runs in
 * this very process, that was most of the seed. An executor of neither kind gets the INSERT sink.
 */
export function inlineCopySink(db: Executor): RowSink {
  const client = (db as unknown as { session?: { client?: unknown } }).session?.client;
  const copy =
    typeof client === 'function'
      ? copyToServer(client as Sql)
      : client && typeof (client as PgliteClient).query === 'function'
        ? copyToPglite(client as PgliteClient)
        : null;
  if (!copy) return insertSink(db);
  const columns = new Map<TableName, CopyColumns>();
  return {
    async write(batch: RowBatch) {
      for (const [name, rows] of filledTables(batch)) {
        // Queue rows may already exist (queue-rows.ts): written as an upsert, not copied.
        if (name === 'caseQueueState') {
          await writeQueueRows(db, batch.caseQueueState);
          continue;
        }
        let table = columns.get(name);
        if (!table) {
          table = copyColumns(name, rows[0]!);
          columns.set(name, table);
        }
        await copy(table, copyText(rows, table));
      }
    },
    async finish() {},
  };
}

type Copy = (table: CopyColumns, text: string) => Promise<void>;

const quoted = (name: string) => `"${name}"`;

function copyToPglite(client: PgliteClient): Copy {
  return async (table, text) => {
    await client.query(
      `copy ${quoted(table.table)} (${table.names.map(quoted).join(', ')}) from '/dev/blob'`,
      [],
      { blob: new Blob([text]) },
    );
  };
}

function copyToServer(sql: Sql): Copy {
  return async (table, text) => {
    const stream =
      (await sql`copy ${sql(table.table)} (${sql(table.names)}) from stdin`.writable()) as Writable;
    const done = once(stream, 'finish');
    stream.end(text);
    await done;
  };
}
