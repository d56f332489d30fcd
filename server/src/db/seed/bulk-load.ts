import type { Sql } from 'postgres';

/**
 * Bulk-load bookkeeping, the way pg_restore does it: read the definitions of the loaded tables' foreign keys
 * and secondary indexes from the catalog, drop them, load, then recreate them from those very definitions (so
 * the schema after the load is exactly the migrated one), validate, and ANALYZE. Indexes that lead with
 * case_id or debtor_id stay: rows arrive in case order, so keeping them up to date is a cheap append, while
 * rebuilding them would mean sorting millions of keys.
 */
export interface SetAside {
  indexes: { table: string; name: string; definition: string }[];
  foreignKeys: { table: string; name: string; definition: string }[];
}

/** Each index build may sort this much in memory; far faster than spilling to disk, and the server has it. */
const MAINTENANCE_MEMORY = '1GB';

export async function setAsideForLoad(sql: Sql, tables: string[]): Promise<SetAside> {
  const indexes = await sql<SetAside['indexes']>`
    select t.relname as table, i.relname as name, pg_get_indexdef(x.indexrelid) as definition
    from pg_index x
    join pg_class i on i.oid = x.indexrelid
    join pg_class t on t.oid = x.indrelid
    join pg_namespace n on n.oid = t.relnamespace
    where n.nspname = 'public' and t.relname = any(${tables})
      and not exists (select 1 from pg_constraint k where k.conindid = x.indexrelid)
      and coalesce((select a.attname from pg_attribute a where a.attrelid = x.indrelid and a.attnum = x.indkey[0]), '')
        not in ('case_id', 'debtor_id')`;
  const foreignKeys = await sql<SetAside['foreignKeys']>`
    select t.relname as table, k.conname as name, pg_get_constraintdef(k.oid) as definition
    from pg_constraint k
    join pg_class t on t.oid = k.conrelid
    join pg_namespace n on n.oid = t.relnamespace
    where k.contype = 'f' and n.nspname = 'public' and t.relname = any(${tables})`;
  for (const fk of foreignKeys) await sql`alter table ${sql(fk.table)} drop constraint ${sql(fk.name)}`;
  for (const index of indexes) await sql`drop index ${sql(index.name)}`;
  return { indexes, foreignKeys };
}

/**
 * Recreates what `setAsideForLoad` dropped. Foreign keys come back NOT VALID first (instant, but it locks both
 * tables); then each table's index builds, validations and ANALYZE run in one of `parallel` lanes, tables
 * spread over the lanes by size, so no two statements in flight ever wait on each other's locks.
 */
export async function rebuildAfterLoad(
  sql: Sql,
  setAside: SetAside,
  tables: string[],
  parallel: number,
): Promise<void> {
  for (const fk of setAside.foreignKeys) {
    await sql.unsafe(`alter table "${fk.table}" add constraint "${fk.name}" ${fk.definition} not valid`);
  }
  // Statistics first: they let each validation pick a plan that fits its table (an index lookup per row for
  // a small table, one hash of the parent for a big one).
  await Promise.all(tables.map((table) => sql.unsafe(`analyze "${table}"`)));
  const sizes = await sql<{ table: string; bytes: string }[]>`
    select relname as table, pg_relation_size(oid)::text as bytes from pg_class where relname = any(${tables}) and relkind = 'r'`;
  const work = tables.map((table) => {
    const statements = [
      ...setAside.indexes.filter((i) => i.table === table).map((i) => i.definition),
      ...setAside.foreignKeys
        .filter((fk) => fk.table === table)
        .map((fk) => `alter table "${table}" validate constraint "${fk.name}"`),
    ];
    return { statements, cost: Number(sizes.find((s) => s.table === table)?.bytes ?? 0) * statements.length };
  });
  const lanes = Array.from({ length: parallel }, () => ({ cost: 0, statements: [] as string[] }));
  for (const item of work.sort((a, b) => b.cost - a.cost)) {
    const lane = lanes.reduce((least, l) => (l.cost < least.cost ? l : least));
    lane.cost += item.cost;
    lane.statements.push(...item.statements);
  }
  await Promise.all(lanes.map((lane) => runLane(sql, lane.statements)));
}

async function runLane(sql: Sql, statements: string[]): Promise<void> {
  const connection = await sql.reserve();
  try {
    await connection.unsafe(`set maintenance_work_mem = '${MAINTENANCE_MEMORY}'`);
    await connection.unsafe(`set work_mem = '${MAINTENANCE_MEMORY}'`);
    for (const statement of statements) await connection.unsafe(statement);
  } finally {
    connection.release();
  }
}
