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

/** The kind of id each case-owned table's rows carry (ids.ts): the tables whose ids a copy must renumber. */
const TABLE_KINDS: Record<string, SeedKind> = {
  debtors: 'debtor',
  cases: 'case',
  contact_points: 'contactPoint',
  third_parties: 'thirdParty',
  opt_outs: 'optOut',
  payment_plans: 'paymentPlan',
  promises: 'promise',
  disputes: 'dispute',
  complaints: 'complaint',
  escalation_requests: 'escalation',
  agency_placements: 'agencyPlacement',
  field_visits: 'fieldVisit',
  legal_actions: 'legalAction',
  case_notes: 'caseNote',
};

/**
 * How a uuid column's value moves in a copy: debtor and case ids are the copy's case number (stride 1), the
 * others are a case's child slots (stride STRIDE); null for ids of shared rows (users, portfolios, placements…).
 */
function renumbering(table: PgTable, column: string): { prefix: string; stride: number } | null {
  const fk = getTableConfig(table).foreignKeys.find((f) => f.reference().columns[0]?.name === column);
  // Payments name their agency placement without a foreign key.
  const target =
    column === 'id'
      ? getTableName(table)
      : column === 'agency_placement_id'
        ? 'agency_placements'
        : fk
          ? getTableName(fk.reference().foreignTable)
          : null;
  const kind = target ? TABLE_KINDS[target] : undefined;
  if (!kind) return null;
  return { prefix: seedId(kind, 0).slice(0, 24), stride: kind === 'debtor' || kind === 'case' ? 1 : STRIDE };
}

/** The copy's value of a uuid column; `h.hex` is the copy's case number in hex, `src.n_<column>` the template's slot. */
function uuidValue(table: PgTable, column: string): string {
  const plan = renumbering(table, column);
  if (!plan) return `src."${column}"`;
  if (plan.stride === 1) return `('${plan.prefix}' || h.hex)::uuid`;
  return `('${plan.prefix}' || lpad(to_hex(src."n_${column}" + k.d * ${plan.stride}), 12, '0'))::uuid`;
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
    `create function pg_temp.seed_name(n bigint, country text) returns text language sql immutable as $$ select case when country = 'CN'
       then ${pick(pools.cnSurnames, 'n', 11)} || ${pick(pools.cnGiven, 'n', 12)}
       else ${pick(pools.usFirst, 'n', 13)} || ' ' || ${pick(pools.usLast, 'n', 14)} end $$`,
    `create function pg_temp.seed_street(n bigint) returns text language sql immutable as $$ select ${pick(pools.usStreets, 'n', 15)} $$`,
  ];
}

/** Column expressions that differ between a template and its copies; `n` is the copy's case number. */
function overrides(name: TableName, n: string): Record<string, string> {
  const point = `src.n_id + k.d * ${STRIDE}`;
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

export interface ReplicationStatement {
  name: TableName;
  table: string;
  /** Creates the session's copy of the table's template rows; run before `statement`. */
  template: string;
  statement: string;
}

/**
 * INSERT … SELECT statements that copy the template rows into every later case, each table split into `parts`
 * ranges of rounds so that parallel connections share the big tables. Rounds are the outer loop and templates
 * are read in id order, so ids (and case-leading index keys) grow as rows go in: B-tree appends, no page splits.
 * Identity columns get `id + round × identitySpans[table]`, deterministic like every other id.
 */
export function replicationStatements(
  plan: Replication,
  identitySpans: Record<string, number>,
  parts: number,
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
    const perPart = Math.ceil(rounds / parts);
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
        select *, ${owner} as owner${slots.join('')} from "${tableName}" where ${owner} between ${plan.first} and ${plan.first + plan.templates - 1} order by id`;
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
  const queue = replicationStatements(plan, spans, parallel).sort((a, b) => size(b.table) - size(a.table));
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
