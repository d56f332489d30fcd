import { getTableColumns, getTableName } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import type { Sql } from 'postgres';
import { type SeedKind, STRIDE, seedId } from './ids.ts';
import type { NamePools } from './name-pools.ts';
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

/** Tables whose ids are numbered by case (stride 1) or by the case's child slots (stride STRIDE). */
const CASE_TABLES: Record<string, SeedKind> = { debtors: 'debtor', cases: 'case' };
const CHILD_TABLES = new Set(['contact_points', 'third_parties', 'payment_plans', 'agency_placements']);

/**
 * The copy's value of a uuid column: debtor and case ids are rebuilt from the copy's case number (`h.hex`,
 * computed once per row), child ids shifted by STRIDE slots per case, ids of shared rows (users, portfolios,
 * placements…) kept.
 */
function uuidValue(table: PgTable, column: string): string {
  const own = getTableName(table);
  const fk = getTableConfig(table).foreignKeys.find((f) => f.reference().columns[0]?.name === column);
  // Payments name their agency placement without a foreign key.
  const target =
    column === 'id'
      ? own
      : column === 'agency_placement_id'
        ? 'agency_placements'
        : fk
          ? getTableName(fk.reference().foreignTable)
          : null;
  const kind = target ? CASE_TABLES[target] : undefined;
  if (kind) return `('${seedId(kind, 0).slice(0, 24)}' || h.hex)::uuid`;
  const child = column === 'id' || (target !== null && CHILD_TABLES.has(target));
  return child ? `pg_temp.seed_shift(src."${column}", k.d * ${STRIDE})` : `src."${column}"`;
}

/** Which column names the case a row belongs to (debtor and case numbers are the same n). */
const OWNER: Partial<Record<TableName, string>> = {
  debtors: 'id',
  contactPoints: 'debtor_id',
  thirdParties: 'debtor_id',
  optOuts: 'debtor_id',
  cases: 'id',
};

const list = (items: readonly string[]) =>
  `array[${items.map((i) => `'${i.replace(/'/g, "''")}'`).join(',')}]::text[]`;
const ref = (n: string) => `lpad(((${n} * 48271 + 10000019) % 100000000)::text, 8, '0')`; // as accountRef() in case-story.ts
const digits = (n: string, salt: number, count: number) =>
  `lpad(pg_temp.seed_pick(${n}, ${salt}, ${10 ** count})::text, ${count}, '0')`;
const phone = (value: string, n: string, salt: number) =>
  `left(${value}, length(${value}) - 7) || (2000000 + pg_temp.seed_pick(${n}, ${salt}, 8000000))::text`;

/** Per-connection helper functions; plain SQL functions, which the planner inlines into each INSERT. */
export function helperFunctions(pools: NamePools): string[] {
  const pick = (items: readonly string[], n: string, salt: number) =>
    `(${list(items)})[1 + pg_temp.seed_pick(${n}, ${salt}, ${items.length})]`;
  return [
    `create function pg_temp.seed_number(u uuid) returns bigint language sql immutable as $$ select ('x' || right(u::text, 12))::bit(48)::bigint $$`,
    `create function pg_temp.seed_pick(n bigint, salt int, size bigint) returns bigint language sql immutable as $$ select (hashint8(n * 131 + salt)::bigint + 2147483648) % size $$`,
    `create function pg_temp.seed_shift(u uuid, d bigint) returns uuid language sql immutable as $$
       select (left(u::text, 24) || lpad(to_hex(('x' || right(u::text, 12))::bit(48)::bigint + d), 12, '0'))::uuid $$`,
    `create function pg_temp.seed_name(n bigint, country text) returns text language sql immutable as $$ select case when country = 'CN'
       then ${pick(pools.cnSurnames, 'n', 11)} || ${pick(pools.cnGiven, 'n', 12)}
       else ${pick(pools.usFirst, 'n', 13)} || ' ' || ${pick(pools.usLast, 'n', 14)} end $$`,
    `create function pg_temp.seed_street(n bigint) returns text language sql immutable as $$ select ${pick(pools.usStreets, 'n', 15)} $$`,
  ];
}

/** Column expressions that differ between a template and its copies; `n` is the copy's case number. */
function overrides(name: TableName, n: string): Record<string, string> {
  const point = `pg_temp.seed_number(src.id) + k.d * ${STRIDE}`;
  switch (name) {
    case 'debtors':
      return {
        full_name: `pg_temp.seed_name(${n}, src.jurisdiction_country)`,
        national_id_masked: `left(src.national_id_masked, length(src.national_id_masked) - 4) || ${digits(n, 2, 4)}`,
      };
    case 'contactPoints':
      return {
        value: `case src.kind
          when 'email' then case when src.value ~ '^[0-9]' then (10000000 + pg_temp.seed_pick(${n}, 3, 900000000))::text
            else lower(regexp_replace(pg_temp.seed_name(${n}, 'US'), '[^A-Za-z]+', '.', 'g')) || (${n} % 100)::text end || substr(src.value, strpos(src.value, '@'))
          when 'home_address' then case when strpos(src.value, ', ') > 0 then pg_temp.seed_street(${n}) || substr(src.value, strpos(src.value, ', ')) else src.value end
          when 'app' then left(src.value, length(src.value) - 12) || ${digits(point, 4, 12)}
          else ${phone('src.value', point, 5)} end`,
      };
    case 'thirdParties':
      return { phone: `case when src.phone is null then null else ${phone('src.phone', point, 6)} end` };
    case 'cases':
      return { account_ref: `split_part(src.account_ref, '-', 1) || '-' || ${ref(n)}` };
    case 'payments':
      return { idempotency_key: `'seed-' || ${n} || '-' || split_part(src.idempotency_key, '-', 3)` };
    case 'fieldVisits':
      return {
        recording_ref: `case when src.recording_ref is null then null else 'REC-' || split_part(src.recording_ref, '-', 2) || '-' || ${ref(n)} || right(src.recording_ref, 11) end`,
      };
    case 'contactLog':
      return { case_ids: `array[('${seedId('case', 0).slice(0, 24)}' || h.hex)::uuid]` }; // every seeded contact is about one debt
    default:
      return {};
  }
}

/** One INSERT … SELECT per table that copies its template rows into every later case. */
export function replicationStatements(plan: Replication): { name: TableName; statement: string }[] {
  const rounds = Math.ceil((plan.total - plan.first) / plan.templates) - 1;
  if (rounds < 1) return [];
  // The contact log first: it is the biggest, and the other tables together take about as long.
  const tables = [...LOAD_ORDER].sort(([a], [b]) => Number(b === 'contactLog') - Number(a === 'contactLog'));
  return tables
    .filter(([name]) => name !== 'placements')
    .map(([name, table]) => {
      const n = '(src.owner + k.d)';
      const custom = overrides(name, n);
      const columns = Object.values(getTableColumns(table)).filter(
        (c) => !(c as { generatedIdentity?: unknown }).generatedIdentity,
      );
      const values = columns.map(
        (c) => custom[c.name] ?? (c.columnType === 'PgUUID' ? uuidValue(table, c.name) : `src."${c.name}"`),
      );
      const tableName = getTableName(table);
      const statement = `insert into "${tableName}" (${columns.map((c) => `"${c.name}"`).join(', ')})
      select ${values.join(', ')}
      from (select *, pg_temp.seed_number(${OWNER[name] ?? 'case_id'}) as owner from "${tableName}") src
      cross join lateral (select r::bigint * ${plan.templates} as d from generate_series(1, ${rounds}) r) k
      cross join lateral (select lpad(to_hex(src.owner + k.d), 12, '0') as hex) h
      where src.owner >= ${plan.first} and src.owner + k.d < ${plan.total}`;
      return { name, statement };
    });
}

/** Runs the copies on `parallel` connections; returns the rows added per table. */
export async function replicate(
  sql: Sql,
  plan: Replication,
  pools: NamePools,
  parallel: number,
): Promise<Partial<Record<TableName, number>>> {
  const queue = replicationStatements(plan);
  const counts: Partial<Record<TableName, number>> = {};
  const worker = async () => {
    const connection = await sql.reserve();
    try {
      for (const helper of helperFunctions(pools)) await connection.unsafe(helper);
      for (let next = queue.shift(); next; next = queue.shift()) {
        counts[next.name] = (await connection.unsafe(next.statement)).count;
      }
    } finally {
      connection.release();
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return counts;
}
