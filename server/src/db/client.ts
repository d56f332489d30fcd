import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { acceptWhatPgliteAccepts, asPgliteSends } from './pglite-values.ts';
import * as schema from './schema/index.ts';

/**
 * One database type for both drivers (STACK.md): services accept a Database or a Transaction. Drizzle is given no
 * schema: we write queries with the builders and `sql`, never the relational `db.query` API, and with a schema every
 * transaction built a relational query builder per table (≈0.08 ms each time, on every key press of next case).
 */
export type Database = PgDatabase<PgQueryResultHKT>;
type NoSchema = Record<string, never>;
export type Transaction = PgTransaction<PgQueryResultHKT, NoSchema, ExtractTablesWithRelations<NoSchema>>;
export type Executor = Database | Transaction;

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../../drizzle', import.meta.url));

export interface DatabaseHandle {
  db: Database;
  kind: 'pglite' | 'postgres';
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** A PostgreSQL server URL; without it the embedded PGlite is used. */
  url?: string | undefined;
  /** PGlite's data folder; `memory://` keeps it in memory. */
  dataDir?: string | undefined;
  /** A PGlite data-dir tarball to start from (tests restore a migrated snapshot). */
  loadDataDir?: Blob | undefined;
  /** Connection-pool size for the server driver. */
  poolSize?: number | undefined;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (options.url) {
    // JIT compilation off for the session: every statement here is a short read or write, and where the cost model
    // asked for JIT (queue counts, oversight aggregates) compiling took longer than running the query.
    const sql = postgres(options.url, {
      onnotice: () => {},
      max: options.poolSize ?? 10,
      connection: { jit: 'off' },
      // While the database restarts each request fails fast (503) and the pool reconnects within a second of its
      // return: postgres.js's own backoff grows to 20 s after a few refused connects and held requests that long.
      backoff: (attempt: number) => Math.min(0.1 * 2 ** attempt, 1),
      connect_timeout: 5,
    });
    const db = drizzlePostgres({ client: preparing(sql) }) as unknown as Database;
    acceptWhatPgliteAccepts(sql);
    return {
      db,
      kind: 'postgres',
      migrate: async () => {
        const migrator = drizzlePostgres({ client: sql });
        // Building it put drizzle's pass-through converters back on the shared client.
        acceptWhatPgliteAccepts(sql);
        await migratePostgres(migrator, { migrationsFolder: MIGRATIONS_FOLDER });
      },
      close: () => sql.end({ timeout: 5 }),
    };
  }
  const dataDir = options.dataDir ?? defaultPgliteDir();
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir, {
    extensions: { pg_trgm },
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  const pgliteDb = drizzlePglite({ client });
  return {
    db: pgliteDb as unknown as Database,
    kind: 'pglite',
    migrate: () => migratePglite(pgliteDb, { migrationsFolder: MIGRATIONS_FOLDER }),
    close: () => client.close(),
  };
}

/**
 * The postgres.js client as drizzle should use it: every parameterised statement prepared (named, per connection),
 * as postgres.js does for its own tagged templates. Drizzle sends its queries unnamed, so the server parses and plans
 * each one on every call; on `cases`, with its many partial indexes, planning alone cost 0.3–1.5 ms a statement, more
 * than running it. Named statements let PostgreSQL keep a generic plan where it is as good as a custom one (it still
 * plans per call where the values matter, e.g. for a partial index). Transactions and savepoints hand drizzle a
 * client of their own, so those are wrapped too. Statements without parameters keep the simple protocol
 * (migrations). Decision record 015. Values are handed over as PGlite takes them (`asPgliteSends`).
 */
export function preparing(sql: postgres.Sql): postgres.Sql {
  return new Proxy(sql, {
    get(target, key, receiver) {
      if (key === 'unsafe') {
        return (query: string, args?: unknown[], options?: postgres.UnsafeQueryOptions) =>
          target.unsafe(query, args?.map(asPgliteSends) as never, { ...options, prepare: true });
      }
      if (key === 'begin' || key === 'savepoint') {
        return (...args: unknown[]) => {
          const body = args.at(-1) as (tx: postgres.Sql) => unknown;
          const run = Reflect.get(target, key) as (...a: unknown[]) => unknown;
          return run.call(target, ...args.slice(0, -1), (tx: postgres.Sql) => body(preparing(tx)));
        };
      }
      return Reflect.get(target, key, receiver);
    },
  });
}

export function defaultPgliteDir(): string {
  return (
    process.env.PGLITE_DIR ??
    path.resolve(fileURLToPath(new URL('../../..', import.meta.url)), '.data/pglite')
  );
}

export { schema };

/** Rows of a raw SQL query: PGlite answers `{ rows }`, postgres.js an array; callers see the same thing. */
export async function queryRows<Row>(db: Executor, query: SQL): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[];
}
