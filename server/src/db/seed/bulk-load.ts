import { sql as dsql } from 'drizzle-orm';
import type { Sql } from 'postgres';
import { type Executor, queryRows } from '../client.ts';

/**
 * Bulk-load bookkeeping, the way pg_restore does it: read the definitions of the loaded tables' foreign keys
 * and secondary indexes from the catalog, drop them, load, then recreate them from those very definitions (so
 * the schema after the load is exactly the migrated one), validate, and ANALYZE. Primary keys stay: rows
 * arrive in id order, so they only ever append. A built index is written as whole pages, which takes about
 * half the WAL of inserting its entries one by one, and WAL is what a loaded server waits on.
 */
export interface SetAside {
  indexes: { table: string; name: string; definition: string }[];
  foreignKeys: { table: string; name: string; definition: string }[];
  /**
   * Triggers switched off for the load: those keeping derived columns that the loader recomputes set-based
   * afterwards (the case keys). A row trigger that looks something up runs once per row, and with the indexes set
   * aside each lookup is a scan of its table.
   */
  triggers: { table: string; name: string }[];
}

/** Each index build may sort this much in memory; far faster than spilling to disk, and the server has it. */
const MAINTENANCE_MEMORY = '1GB';

export async function setAsideForLoad(sql: Sql, tables: string[], triggerNames: string[]): Promise<SetAside> {
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
  const triggers = await sql<SetAside['triggers']>`
    select t.relname as table, g.tgname as name
    from pg_trigger g
    join pg_class t on t.oid = g.tgrelid
    join pg_namespace n on n.oid = t.relnamespace
    where g.tgname = any(${triggerNames}) and g.tgenabled <> 'D' and n.nspname = 'public'`;
  for (const fk of foreignKeys) await sql`alter table ${sql(fk.table)} drop constraint ${sql(fk.name)}`;
  for (const index of indexes) await sql`drop index ${sql(index.name)}`;
  for (const trigger of triggers)
    await sql`alter table ${sql(trigger.table)} disable trigger ${sql(trigger.name)}`;
  return { indexes, foreignKeys, triggers };
}

/**
 * Recreates what `setAsideForLoad` dropped, `parallel` statements at a time, and switches its triggers back on. Foreign keys come back NOT VALID
 * first (instant, but it locks both tables). Then every index is built, biggest first: builds do not block each
 * other, even on one table. Then the keys are validated, one table's validations in a row (each takes a lock
 * the next one on that table would wait for), the biggest tables first.
 */
export async function rebuildAfterLoad(
  sql: Sql,
  setAside: SetAside,
  tables: string[],
  parallel: number,
): Promise<void> {
  for (const trigger of setAside.triggers) {
    await sql`alter table ${sql(trigger.table)} enable trigger ${sql(trigger.name)}`;
  }
  for (const fk of setAside.foreignKeys) {
    await sql.unsafe(`alter table "${fk.table}" add constraint "${fk.name}" ${fk.definition} not valid`);
  }
  // Statistics first: they let each validation pick a plan that fits its table (an index lookup per row for
  // a small table, one hash of the parent for a big one).
  await Promise.all(tables.map((table) => sql.unsafe(`analyze "${table}"`)));
  const sizes = await sql<{ table: string; bytes: string }[]>`
    select relname as table, pg_relation_size(oid)::text as bytes from pg_class where relname = any(${tables}) and relkind = 'r'`;
  const size = (table: string) => Number(sizes.find((s) => s.table === table)?.bytes ?? 0);
  // A trigram GIN index costs several times a B-tree on the same table and cannot use parallel workers.
  const cost = (index: SetAside['indexes'][number]) =>
    size(index.table) * (/ using gin /i.test(index.definition) ? 8 : 1);
  const builds = [...setAside.indexes].sort((a, b) => cost(b) - cost(a)).map((index) => [index.definition]);
  await inParallel(sql, builds, parallel);
  const validations = tables
    .sort((a, b) => size(b) - size(a))
    .map((table) => setAside.foreignKeys.filter((fk) => fk.table === table))
    .map((fks) => fks.map((fk) => `alter table "${fk.table}" validate constraint "${fk.name}"`));
  await inParallel(sql, validations, parallel);
}

/** Runs groups of statements on `parallel` connections; a group's statements run in order on one of them. */
async function inParallel(sql: Sql, groups: string[][], parallel: number): Promise<void> {
  const queue = groups.filter((group) => group.length > 0);
  const worker = async () => {
    const connection = await sql.reserve();
    try {
      await connection.unsafe(`set maintenance_work_mem = '${MAINTENANCE_MEMORY}'`);
      await connection.unsafe(`set work_mem = '${MAINTENANCE_MEMORY}'`);
      for (let group = queue.shift(); group; group = queue.shift()) {
        for (const statement of group) await connection.unsafe(statement);
      }
    } finally {
      connection.release();
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}

/**
 * The same bookkeeping on the seed's own connection (`db`: PGlite, or a server inside the first run's
 * transaction, so a failed seed rolls it all back): drop the loaded tables' secondary indexes and switch the
 * case-key triggers off before the load, rebuild and switch back on after it. Foreign keys stay, checked row by
 * row. Only what the connected role owns is set aside (a test seeding as the app role leaves all in place).
 * Building the indexes of 3,000 cases once costs a fraction of maintaining them row by row (decision record 028).
 */
export async function setAsideInline(
  db: Executor,
  tables: string[],
  triggerNames: string[],
): Promise<SetAside> {
  const indexes = await queryRows<SetAside['indexes'][number]>(
    db,
    dsql`select t.relname::text as table, i.relname::text as name, pg_get_indexdef(x.indexrelid) as definition
    from pg_index x
    join pg_class i on i.oid = x.indexrelid
    join pg_class t on t.oid = x.indrelid
    join pg_namespace n on n.oid = t.relnamespace
    where n.nspname = 'public' and t.relname::text in ${tables} and pg_has_role(t.relowner, 'USAGE')
      and not exists (select 1 from pg_constraint k where k.conindid = x.indexrelid)`,
  );
  const triggers = await queryRows<SetAside['triggers'][number]>(
    db,
    dsql`select t.relname::text as table, g.tgname::text as name
    from pg_trigger g
    join pg_class t on t.oid = g.tgrelid
    join pg_namespace n on n.oid = t.relnamespace
    where g.tgname::text in ${triggerNames} and g.tgenabled <> 'D' and n.nspname = 'public'
      and pg_has_role(t.relowner, 'USAGE')`,
  );
  for (const index of indexes) await db.execute(dsql`drop index ${dsql.identifier(index.name)}`);
  for (const trigger of triggers)
    await db.execute(
      dsql`alter table ${dsql.identifier(trigger.table)} disable trigger ${dsql.identifier(trigger.name)}`,
    );
  return { indexes, foreignKeys: [], triggers };
}

/** Builds the set-aside indexes again from their saved definitions and switches the triggers back on. */
export async function rebuildInline(db: Executor, setAside: SetAside): Promise<void> {
  for (const trigger of setAside.triggers)
    await db.execute(
      dsql`alter table ${dsql.identifier(trigger.table)} enable trigger ${dsql.identifier(trigger.name)}`,
    );
  for (const index of setAside.indexes) await db.execute(dsql.raw(index.definition));
}
