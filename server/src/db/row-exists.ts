import { and, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from './client.ts';

/**
 * Whether a row of `table` meets every condition: the check before a write that must not repeat (an opt-out on
 * file, a pending request) or that needs its target to exist. Reads at most one row.
 */
export async function rowExists(db: Executor, table: PgTable, ...conditions: SQL[]): Promise<boolean> {
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(table)
    .where(and(...conditions))
    .limit(1);
  return row !== undefined;
}
