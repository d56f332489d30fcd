import { getTableName } from 'drizzle-orm';
import postgres from 'postgres';
import { bulkLoadOffTriggers } from '../triggers.ts';
import { rebuildAfterLoad, setAsideForLoad } from './bulk-load.ts';
import { copySink } from './copy-sink.ts';
import type { NamePools } from './name-pools.ts';
import { type Replication, replicate } from './replicate.ts';
import { LOAD_ORDER, type RowSink, type TableName } from './row-batch.ts';

export interface BulkLoadOptions {
  url: string;
  /** Copies of the generated template cases to make on the server; null when every case is generated. */
  replication: Replication | null;
  pools: NamePools;
  log: (message: string) => void;
}

/**
 * Statements run side by side while copying and rebuilding: one per core of a small server, plus one to fill
 * the time another spends writing WAL or reading pages.
 */
const PARALLEL = 3;

/**
 * The server path: set indexes and foreign keys aside, stream the generated cases in with COPY, copy them into
 * the rest of the book inside PostgreSQL, then rebuild and validate. Returns the rows the copies added.
 */
export async function bulkLoad(
  options: BulkLoadOptions,
  writeGenerated: (sink: RowSink) => Promise<void>,
): Promise<Partial<Record<TableName, number>>> {
  const { log } = options;
  const sql = postgres(options.url, {
    max: LOAD_ORDER.length + PARALLEL,
    onnotice: () => {},
    connection: { synchronous_commit: 'off' },
  });
  let started = performance.now();
  const lap = (what: string) => {
    log(`${what} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    started = performance.now();
  };
  try {
    const tables = LOAD_ORDER.map(([, table]) => getTableName(table));
    const setAside = await setAsideForLoad(sql, tables, bulkLoadOffTriggers());
    lap(
      `set aside ${setAside.indexes.length} indexes, ${setAside.foreignKeys.length} foreign keys and ${setAside.triggers.length} triggers`,
    );
    const sink = copySink(sql);
    await writeGenerated(sink);
    await sink.finish();
    lap(`generated and streamed the ${options.replication ? 'template ' : ''}cases`);
    const copied = options.replication
      ? await replicate(sql, options.replication, options.pools, PARALLEL)
      : {};
    if (options.replication)
      lap(
        `copied them to cases ${options.replication.first + options.replication.templates}…${options.replication.total - 1}`,
      );
    await rebuildAfterLoad(sql, setAside, tables, PARALLEL);
    lap('rebuilt indexes, validated foreign keys and analyzed');
    return copied;
  } finally {
    await sql.end({ timeout: 5 });
  }
}
