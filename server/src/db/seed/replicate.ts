import { getTableColumns, getTableName } from 'drizzle-orm';
import type { Sql } from 'postgres';
import { STRIDE } from './ids.ts';
import type { NamePools } from './name-pools.ts';
import { helperFunctions, overrides, renumbering, uuidValue } from './replicate-sql.ts';
import { LOAD_ORDER, type TableName } from './row-batch.ts';

/**
 * Fills a big book on the server from a slice of generated "template" cases: case n (beyond the templates) is a
 * copy of template t = first + (n − first) mod templates, made by INSERT … SELECT inside PostgreSQL. Ids are
 * shifted to case n's deterministic ids; names, phone numbers, e-mails, streets and account references are
 * redrawn from n. Times, zones, amounts and outcomes are copied unchanged, so every copy obeys the contact
 * rules exactly as its template does, and balances still reconcile.
 */
export interface Replication {
  /** The first template case (the demo specials come before it and are never copied). */
  first: number;
  templates: number;
  total: number;
}

/** Which column names the case a row belongs to (debtor and case numbers are the same n). */
const OWNER: Partial<Record<TableName, string>> = {
  debtors: 'id',
  contactPoints: 'debtor_id',
  thirdParties: 'debtor_id',
  optOuts: 'debtor_id',
  cases: 'id',
};

interface ReplicationStatement {
  name: TableName;
  table: string;
  /** Creates the session's copy of the table's template rows; run before `statement`. */
  template: string;
  statement: string;
}

/**
 * INSERT … SELECT statements that copy the template rows into every later case, a table split into
 * `partsOf(table)` ranges of rounds when it is big enough for parallel connections to share it. Rounds are the outer loop and templates
 * are read in id order, so ids grow as rows go in: primary-key appends, no page splits.
 * Identity columns get `id + round × identitySpans[table]`, deterministic like every other id.
 */
function replicationStatements(
  plan: Replication,
  identitySpans: Record<string, number>,
  partsOf: (table: string) => number,
): ReplicationStatement[] {
  const rounds = Math.ceil((plan.total - plan.first) / plan.templates) - 1;
  if (rounds < 1) return [];
  return LOAD_ORDER.filter(([name]) => name !== 'placements').flatMap(([name, table]) => {
    const tableName = getTableName(table);
    const span = identitySpans[tableName];
    const custom = overrides(name, '(src.owner + k.d)');
    const columns = Object.values(getTableColumns(table)).filter(
      (c) => span !== undefined || !(c as { generatedIdentity?: unknown }).generatedIdentity,
    );
    const values = columns.map((c) => {
      if (span !== undefined && c.name === 'id') return `src.id + k.r * ${span}`;
      return custom[c.name] ?? (c.columnType === 'PgUUID' ? uuidValue(table, c.name) : `src."${c.name}"`);
    });
    const perPart = Math.ceil(rounds / partsOf(tableName));
    return Array.from({ length: Math.ceil(rounds / perPart) }, (_, part) => {
      const from = 1 + part * perPart;
      const to = Math.min(rounds, from + perPart - 1);
      const statement = `insert into "${tableName}" (${columns.map((c) => `"${c.name}"`).join(', ')}) ${span === undefined ? '' : 'overriding system value'}
        select ${values.join(', ')}
        from generate_series(${from}, ${to}) as g(r)
        cross join lateral (select g.r::bigint as r, g.r::bigint * ${plan.templates} as d) k
        cross join lateral (select * from "template_${tableName}" t where t.owner + k.d < ${plan.total}) src
        cross join lateral (select lpad(to_hex(src.owner + k.d), 12, '0') as hex) h`;
      const owner = `pg_temp.seed_number(${OWNER[name] ?? 'case_id'})`;
      const slots = columns
        .filter((c) => c.columnType === 'PgUUID' && renumbering(table, c.name)?.stride === STRIDE)
        .map((c) => `, pg_temp.seed_number("${c.name}") as "n_${c.name}"`);
      // Each session reads the templates once, with their case and slot numbers worked out, not once per round.
      const template = `create temp table if not exists "template_${tableName}" as
        select *, ${owner} as owner${slots.join('')} from "${tableName}" where ${owner} between ${plan.first} and ${plan.first + plan.templates - 1} order by ${'id' in getTableColumns(table) ? 'id' : 'case_id'}`;
      return { name, table: tableName, template, statement };
    });
  });
}

/** Runs the copies on `parallel` connections, biggest tables first; returns the rows added per table. */
export async function replicate(
  sql: Sql,
  plan: Replication,
  pools: NamePools,
  parallel: number,
): Promise<Partial<Record<TableName, number>>> {
  // Identity columns (contact log, payments) continue after the highest id the templates got.
  const identityTables = ['contact_log', 'payments'];
  const spans: Record<string, number> = {};
  for (const table of identityTables) {
    const [row] = await sql<{ max: string | null }[]>`select max(id)::text as max from ${sql(table)}`;
    spans[table] = Number(row?.max ?? 0);
  }
  const sizes = await sql<{ table: string; bytes: string }[]>`
    select relname as table, pg_relation_size(oid)::text as bytes from pg_class where relkind = 'r' and relnamespace = 'public'::regnamespace`;
  const size = (table: string) => Number(sizes.find((s) => s.table === table)?.bytes ?? 0);
  // Connections share a table only as much as its size calls for: two sessions extending one table wait on
  // each other's relation-extension lock and index pages, two on different tables do not.
  const total = sizes.reduce((sum, s) => sum + Number(s.bytes), 0);
  const partsOf = (table: string) => Math.max(1, Math.round((size(table) / total) * parallel));
  const queue = replicationStatements(plan, spans, partsOf).sort((a, b) => size(b.table) - size(a.table));
  const counts: Partial<Record<TableName, number>> = {};
  const worker = async () => {
    const connection = await sql.reserve();
    try {
      // Temporary tables live in this session's own buffers; the default 8MB would not hold a template table.
      await connection.unsafe("set temp_buffers = '256MB'");
      for (const helper of helperFunctions(pools)) await connection.unsafe(helper);
      for (let next = queue.shift(); next; next = queue.shift()) {
        await connection.unsafe(next.template);
        const added = (await connection.unsafe(next.statement)).count;
        counts[next.name] = (counts[next.name] ?? 0) + added;
      }
    } finally {
      connection.release();
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  for (const table of identityTables) {
    await sql`select setval(pg_get_serial_sequence(${table}, 'id'), greatest((select max(id) from ${sql(table)}), 1))`;
  }
  return counts;
}
