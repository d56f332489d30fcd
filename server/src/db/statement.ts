import { type Placeholder, type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Executor } from './client.ts';

const dialect = new PgDialect();

/** What a statement's values may be: text and numbers, as the driver sends them (cast them in the SQL). */
export type StatementValue = string | number | boolean | null;
type Slots<Values> = { readonly [K in keyof Values]: Placeholder };

/**
 * A statement whose SQL text is built once per process: `build` writes it with a named placeholder per value
 * (`slot.caseId`, cast in the SQL: `${slot.caseId}::uuid`), and each call only binds the values. Drizzle turns a
 * template into text by walking every chunk and testing its kind; for the few statements on an agent's every key
 * press (next case) that walk cost a fifth of the Node CPU of the press. Values reach the driver as given, so pass
 * instants as ISO text and lists as `{a,b}` array literals. Runs on both drivers, in and out of transactions.
 */
export function statement<Values extends Record<string, StatementValue>, Row>(
  build: (slot: Slots<Values>) => SQL,
): (db: Executor, values: Values) => Promise<Row[]> {
  let query: ReturnType<PgDialect['sqlToQuery']> | undefined;
  const slots = new Proxy({} as Slots<Values>, {
    get: (_target, name) => sql.placeholder(String(name)),
  });
  return async (db, values) => {
    query ??= dialect.sqlToQuery(build(slots));
    const result: unknown = await db._.session
      .prepareQuery(query, undefined, undefined, false)
      .execute(values);
    return (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[];
  };
}
