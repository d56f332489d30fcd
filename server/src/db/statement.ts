import { fillPlaceholders, type Placeholder, type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type postgres from 'postgres';
import type { Database, Executor } from './client.ts';

const dialect = new PgDialect();

/** What a statement's values may be: text and numbers, as the driver sends them (cast them in the SQL). */
export type StatementValue = string | number | boolean | null;
type Slots<Values> = { readonly [K in keyof Values]: Placeholder };

export interface Statement<Values, Row> {
  (db: Executor, values: Values): Promise<Row[]>;
  /**
   * Runs the statement as the first of a transaction, then `decide` on its rows: the transaction commits when
   * `decide` returns and rolls back when it throws (the error is passed on). On the PostgreSQL server BEGIN travels
   * with the statement, so the transaction costs two round trips instead of three.
   */
  opening<T>(db: Database, values: Values, decide: (rows: Row[]) => T): Promise<T>;
}

/**
 * A statement whose SQL text is built once per process: `build` writes it with a named placeholder per value
 * (`slot.caseId`, cast in the SQL: `${slot.caseId}::uuid`), and each call only binds the values. Drizzle turns a
 * template into text by walking every chunk and testing its kind; for the few statements on an agent's every key
 * press (next case) that walk cost a fifth of the Node CPU of the press. Values reach the driver as given, so pass
 * instants as ISO text and lists as `{a,b}` array literals. Runs on both drivers, in and out of transactions.
 */
export function statement<Values extends Record<string, StatementValue>, Row>(
  build: (slot: Slots<Values>) => SQL,
): Statement<Values, Row> {
  let built: ReturnType<PgDialect['sqlToQuery']> | undefined;
  const slots = new Proxy({} as Slots<Values>, {
    get: (_target, name) => sql.placeholder(String(name)),
  });
  const query = () => {
    built ??= dialect.sqlToQuery(build(slots));
    return built;
  };
  const run = async (db: Executor, values: Values): Promise<Row[]> => {
    const result: unknown = await db._.session
      .prepareQuery(query(), undefined, undefined, false)
      .execute(values);
    return (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[];
  };
  const opening = async <T>(db: Database, values: Values, decide: (rows: Row[]) => T): Promise<T> => {
    const client = serverClient(db);
    if (client === null) return db.transaction(async (tx) => decide(await run(tx, values)));
    const { sql: text, params } = query();
    const connection = await client.reserve();
    try {
      let rows: Row[];
      try {
        // Sent together: postgres.js writes what a connection is given in one tick as one packet, and the server
        // runs them in order.
        const [, found] = await Promise.all([
          connection.unsafe('begin'),
          connection.unsafe(text, fillPlaceholders(params, values) as never[], { prepare: true }),
        ]);
        rows = found as unknown as Row[];
      } catch (error) {
        // The failed statement left the transaction aborted: end it before the connection is reused.
        await connection.unsafe('rollback').catch(() => {});
        throw error;
      }
      let decided: T;
      try {
        decided = decide(rows);
      } catch (error) {
        await connection.unsafe('rollback');
        throw error;
      }
      await connection.unsafe('commit');
      return decided;
    } finally {
      connection.release();
    }
  };
  return Object.assign(run, { opening });
}

/** The postgres.js client under a server database; null for PGlite, which runs in process. */
function serverClient(db: Database): postgres.Sql | null {
  const client = (db as unknown as { $client?: Partial<postgres.Sql> }).$client;
  return typeof client?.reserve === 'function' ? (client as postgres.Sql) : null;
}
