import { type Column, is, SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client.ts';
import { cases } from '../../db/schema/index.ts';
import type { CaseChanges } from './lock.ts';

/** Applies what an action changed on the case and bumps its version, in one UPDATE; returns the new version. */
export async function bumpCase(
  tx: Executor,
  request: { caseId: string; changes: CaseChanges; now: Date },
): Promise<number> {
  const { caseId, changes, now } = request;
  const [row] = await queryRows<{ version: number }>(
    tx,
    sql`update ${cases} set ${caseAssignments({ ...changes, version: sql`${cases.version} + 1`, updatedAt: now })}
        where ${cases.id} = ${caseId} returning ${cases.version}`,
  );
  if (!row) throw new Error(`bumpCase: case ${caseId} not found`);
  return Number(row.version);
}

/**
 * `column = value, …` for an UPDATE of cases, each value encoded by its column as the query builder would (undefined
 * skipped, SQL kept as is). Every guarded action writes the case once; the builder's update path cost more Node CPU
 * than the statement itself.
 */
function caseAssignments(values: Partial<Record<keyof typeof cases.$inferInsert, unknown>>): SQL {
  const columns = cases as unknown as Record<string, Column>;
  const parts = Object.entries(values)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => {
      const column = columns[key]!;
      return sql`${sql.identifier(column.name)} = ${is(value, SQL) ? value : sql.param(value, column)}`;
    });
  return sql.join(parts, sql`, `);
}
