import type { SessionUser } from '@arrears/shared/schemas/auth';
import {
  and,
  type Column,
  eq,
  getTableColumns,
  inArray,
  isNull,
  type SQL,
  sql,
  type Table,
} from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client.ts';
import { cases, contactPoints, debtors, disputes, optOuts, portfolios } from '../../db/schema/index.ts';
import { statement } from '../../db/statement.ts';
import { assembleCase, type CaseHead, caseParameters, type LoadedCase } from './workability-facts.ts';

/**
 * Active, written as a literal: a partial index's predicate (`status = 'active'`) can only be proved from a
 * constant, and with the status as a parameter PostgreSQL could never keep a generic plan for the prepared
 * statement and planned the pick anew on every press (about 2 ms, twice the walk itself).
 */
const ACTIVE = sql`${cases.status} = 'active'`;

/** The agent's own active cases (walked on cases_active_agent_priority_idx). */
export function ownCases(agentId: string): SQL {
  return and(ACTIVE, eq(cases.assignedAgentId, agentId)) as SQL;
}

/** The unassigned active cases of the agent's teams (walked on cases_pool_priority_idx). */
export function poolCases(teamIds: readonly string[]): SQL {
  if (teamIds.length === 0) return sql`false`;
  return and(ACTIVE, isNull(cases.assignedAgentId), inArray(cases.teamId, [...teamIds])) as SQL;
}

/**
 * Workable now by the stored instant and free to claim: never claimed, or the claim has expired. The agent's own
 * live claims are excluded too: those cases are already on their screen, and handing one out again would make
 * "next" return the same case twice.
 */
export function claimable(scope: SQL, now: Date): SQL {
  const at = sql`${now.toISOString()}::timestamptz`;
  return sql`${scope} and ${cases.nextWorkableAt} <= ${at}
    and (${cases.claimedBy} is null or ${cases.claimExpiresAt} <= ${at})`;
}

/** The earliest stored instant at which one of the agent's or the pool's cases becomes workable. */
export async function nextOpensAt(db: Executor, user: SessionUser, now: Date): Promise<Date | null> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const [row] = await queryRows<{ opens: string | Date | null }>(
    db,
    sql`select least(
          (select min(${cases.nextWorkableAt}) from ${cases} where ${ownCases(user.id)} and ${cases.nextWorkableAt} > ${at}),
          (select min(${cases.nextWorkableAt}) from ${cases} where ${poolCases(user.teamIds)} and ${cases.nextWorkableAt} > ${at})
        ) as opens`,
  );
  return row?.opens == null ? null : new Date(row.opens);
}

/** A drizzle row from `to_jsonb(row)`: each column read from its database name and mapped as the driver's would be. */
export function rowFromJson<T extends Table>(table: T, json: Record<string, unknown>): T['$inferSelect'] {
  let columns = columnsOf.get(table);
  if (columns === undefined) {
    columns = Object.entries(getTableColumns(table));
    columnsOf.set(table, columns);
  }
  const row: Record<string, unknown> = {};
  for (const [key, column] of columns) {
    const value = json[column.name];
    row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row as T['$inferSelect'];
}

/** Each table's [property, column] pairs, listed once per process rather than once per row. */
const columnsOf = new WeakMap<Table, Array<[string, Column]>>();

export interface Candidate {
  id: string;
  /** Which queue it came from. */
  source: QueueSource;
  assignedAgentId: string | null;
  /** Every fact of the case but its contact history, approvals and scheduled visits (what a call's verdict reads). */
  loaded: LoadedCase;
}

export type QueueSource = 'mine' | 'team_pool';

interface PickRow {
  source: QueueSource;
  case_row: Record<string, unknown>;
  debtor: Record<string, unknown>;
  portfolio_id: string;
  rule_parameters: Record<string, number>;
  rule_parameters_version: number;
  points: Record<string, unknown>[];
  opt_outs: Record<string, unknown>[];
  disputes: Record<string, unknown>[];
}

type PickValues = { agent: string; now: string } & Record<`team${number}`, string>;

/**
 * The pick for an agent with `teams` teams (one statement text per count, built once: see db/statement.ts). A list
 * of teams is written as `in ($1, $2…)`, not `= any($1)`: with one team that is an equality, and the pool index walk
 * stays ordered by priority.
 */
const pickStatements = new Map<number, ReturnType<typeof pickStatement>>();

function pickStatement(teams: number) {
  return statement<PickValues, PickRow>((slot) => {
    const at = sql`${slot.now}::timestamptz`;
    const free = sql`${cases.nextWorkableAt} <= ${at} and (${cases.claimedBy} is null or ${cases.claimExpiresAt} <= ${at})`;
    const own = sql`${ACTIVE} and ${cases.assignedAgentId} = ${slot.agent}::uuid`;
    const teamList = Array.from({ length: teams }, (_, i) => sql`${slot[`team${i}`]}::uuid`);
    const pool =
      teams === 0
        ? sql`false`
        : sql`${ACTIVE} and ${cases.assignedAgentId} is null and ${cases.teamId} in (${sql.join(teamList, sql`, `)})`;
    return sql`with walk_0 as (
          select ${cases.id} as id, 'mine'::text as source from ${cases} where ${own} and ${free}
          order by ${cases.priority} desc, ${cases.id} desc limit 1 for update skip locked),
        walk_1 as (
          select ${cases.id} as id, 'team_pool'::text as source from ${cases} where ${pool} and ${free}
            and not exists (select 1 from walk_0)
          order by ${cases.priority} desc, ${cases.id} desc limit 1 for update skip locked)
        select picked.source, to_jsonb(c) as case_row, to_jsonb(d) as debtor, p.id as portfolio_id, p.rule_parameters,
          p.rule_parameters_version,
          coalesce((select jsonb_agg(to_jsonb(x) order by x.created_at, x.id) from ${contactPoints} x
            where x.debtor_id = c.debtor_id), '[]'::jsonb) as points,
          coalesce((select jsonb_agg(to_jsonb(x)) from ${optOuts} x where x.debtor_id = c.debtor_id), '[]'::jsonb)
            as opt_outs,
          coalesce((select jsonb_agg(to_jsonb(x)) from ${disputes} x where x.case_id = c.id), '[]'::jsonb)
            as disputes
        from (select id, source from walk_0 union all select id, source from walk_1) picked
          join ${cases} c on c.id = picked.id join ${debtors} d on d.id = c.debtor_id
          join ${portfolios} p on p.id = c.portfolio_id
        limit 1`;
  });
}

/**
 * The highest-priority claimable case of the agent's own cases, else of their teams' pools, locked FOR UPDATE SKIP
 * LOCKED, read in one statement with the facts next-case confirms it on: the case, its debtor and portfolio, the
 * debtor's contact points (creation order) and opt-outs, the case's disputes. The pool is walked only when no own
 * case is claimable (an uncorrelated NOT EXISTS, evaluated once before the walk), so no pool row is locked for
 * nothing. The same conditions as `claimable(ownCases…)` and `claimable(poolCases…)`. Null when neither has one.
 */
export async function pickCandidate(
  db: Executor,
  agent: { id: string; teamIds: readonly string[] },
  now: Date,
): Promise<Candidate | null> {
  const teams = agent.teamIds.length;
  let pick = pickStatements.get(teams);
  if (pick === undefined) {
    pick = pickStatement(teams);
    pickStatements.set(teams, pick);
  }
  const values: PickValues = { agent: agent.id, now: now.toISOString() };
  agent.teamIds.forEach((teamId, i) => {
    values[`team${i}`] = teamId;
  });
  const [row] = await pick(db, values);
  if (!row) return null;
  const head: CaseHead = {
    caseRow: rowFromJson(cases, row.case_row),
    debtor: rowFromJson(debtors, row.debtor),
    portfolio: {
      id: row.portfolio_id,
      ruleParameters: row.rule_parameters,
      version: row.rule_parameters_version,
    },
  };
  const loaded = assembleCase(head, caseParameters(head), {
    points: row.points.map((json) => rowFromJson(contactPoints, json)),
    optOuts: row.opt_outs.map((json) => rowFromJson(optOuts, json)),
    disputes: row.disputes.map((json) => rowFromJson(disputes, json)),
    approvals: [],
    history: [],
  });
  return { id: head.caseRow.id, source: row.source, assignedAgentId: head.caseRow.assignedAgentId, loaded };
}
