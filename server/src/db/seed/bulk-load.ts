import type { Sql } from 'postgres';

/**
 * Bulk-load bookkeeping, the way pg_restore does it: read the definitions of the loaded tables' secondary
 * indexes and foreign keys from the catalog, drop them, load, then recreate them from those very definitions
 * (so the schema after the load is exactly the migrated one) and ANALYZE.
 */
export interface SetAside {
  indexes: { table: string; name: string; definition: string }[];
  foreignKeys: { table: string; name: string; definition: string }[];
}

/** Each index build may use this much memory; the machine has plenty and sorts in memory are many times faster. */
const MAINTENANCE_MEMORY = '1GB';

export async function setAsideForLoad(sql: Sql, tables: string[]): Promise<SetAside> {
  const indexes = await sql<SetAside['indexes']>`
    select t.relname as table, i.relname as name, pg_get_indexdef(x.indexrelid) as definition
    from pg_index x
    join pg_class i on i.oid = x.indexrelid
    join pg_class t on t.oid = x.indrelid
    join pg_namespace n on n.oid = t.relnamespace
    where n.nspname = 'public' and t.relname = any(${tables})
      and not exists (select 1 from pg_constraint k where k.conindid = x.indexrelid)`;
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

/** Recreates what `setAsideForLoad` dropped, `parallel` statements at a time; `lap` reports each phase. */
export async function rebuildAfterLoad(
  sql: Sql,
  setAside: SetAside,
  tables: string[],
  parallel: number,
  lap: (what: string) => void,
): Promise<void> {
  // Biggest tables first, so the two builders finish together rather than one waiting on contact_log alone.
  const sizes = await sql<{ table: string; bytes: string }[]>`
    select relname as table, pg_relation_size(oid)::text as bytes from pg_class where relname = any(${tables}) and relkind = 'r'`;
  const size = (table: string) => Number(sizes.find((s) => s.table === table)?.bytes ?? 0);
  const indexes = [...setAside.indexes].sort((a, b) => size(b.table) - size(a.table));
  await inParallel(
    sql,
    indexes.map((index) => index.definition),
    parallel,
  );
  lap(`recreated ${setAside.indexes.length} indexes`);
  // NOT VALID first (instant, but it locks both tables), then validate side by side (a lighter lock).
  for (const fk of setAside.foreignKeys) {
    await sql.unsafe(`alter table "${fk.table}" add constraint "${fk.name}" ${fk.definition} not valid`);
  }
  await inParallel(
    sql,
    setAside.foreignKeys.map((fk) => `alter table "${fk.table}" validate constraint "${fk.name}"`),
    parallel,
  );
  lap(`validated ${setAside.foreignKeys.length} foreign keys`);
  await inParallel(
    sql,
    tables.map((table) => `analyze "${table}"`),
    parallel,
  );
  lap('analyzed');
}

async function inParallel(sql: Sql, statements: string[], parallel: number): Promise<void> {
  const queue = [...statements];
  const worker = async () => {
    const connection = await sql.reserve();
    try {
      await connection.unsafe(`set maintenance_work_mem = '${MAINTENANCE_MEMORY}'`);
      for (let statement = queue.shift(); statement !== undefined; statement = queue.shift())
        await connection.unsafe(statement);
    } finally {
      connection.release();
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}
