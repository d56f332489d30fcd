import { getTableName } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { type SeedKind, STRIDE, seedId } from './ids.ts';
import type { NamePools } from './name-pools.ts';
import type { TableName } from './row-batch.ts';

/*
 * The SQL that turns a template row into its copy for case n (replicate.ts): renumbered ids, redrawn names,
 * numbers, streets and references. `src` is the template row, `k.d` how many cases on the copy is, `h.hex`
 * the copy's case number in hex.
 */

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
export function renumbering(table: PgTable, column: string): { prefix: string; stride: number } | null {
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
export function uuidValue(table: PgTable, column: string): string {
  const plan = renumbering(table, column);
  if (!plan) return `src."${column}"`;
  if (plan.stride === 1) return `('${plan.prefix}' || h.hex)::uuid`;
  return `('${plan.prefix}' || lpad(to_hex(src."n_${column}" + k.d * ${plan.stride}), 12, '0'))::uuid`;
}

/** Pool entries the copies draw names and streets from: 200 × 200 American names, 120 × 200 Chinese ones. */
const SQL_POOL = 200;

const list = (items: readonly string[]) =>
  `array[${items.map((i) => `'${i.replace(/'/g, "''")}'`).join(',')}]::text[]`;
const ref = (n: string) => `lpad(((${n} * 48271 + 10000019) % 100000000)::text, 8, '0')`; // as accountRef() in case-story.ts
const digits = (n: string, salt: number, count: number) =>
  `lpad(pg_temp.seed_pick(${n}, ${salt}, ${10 ** count})::text, ${count}, '0')`;
const phone = (value: string, n: string, salt: number) =>
  `left(${value}, length(${value}) - 7) || (2000000 + pg_temp.seed_pick(${n}, ${salt}, 8000000))::text`;

/** Per-connection helper functions; plain SQL functions, which the planner inlines into each INSERT. */
export function helperFunctions(pools: NamePools): string[] {
  // Subscripting a text array walks it from the start, so copies draw from the first SQL_POOL entries only.
  const pick = (pool: readonly string[], n: string, salt: number) => {
    const items = pool.slice(0, SQL_POOL);
    return `(${list(items)})[1 + pg_temp.seed_pick(${n}, ${salt}, ${items.length})]`;
  };
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
export function overrides(name: TableName, n: string): Record<string, string> {
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
