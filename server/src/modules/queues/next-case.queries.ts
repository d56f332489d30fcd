import type { SessionUser } from '@arrears/shared/schemas/auth';
import { and, isNull, type Placeholder, type SQL, sql } from 'drizzle-orm';
import { type Database, type Executor, queryRows } from '../../db/client.ts';
import { auditEvents, caseQueueState, cases } from '../../db/schema/index.ts';
import { statement } from '../../db/statement.ts';
import {
  assembleCase,
  CASE_HEAD_COLUMNS,
  CASE_HEAD_JOINS,
  type CaseHeadJson,
  caseHeadFromJson,
  caseParameters,
  type LoadedCase,
} from '../case-core/case-core.service.ts';

/**
 * Active, written as a literal: a partial index's predicate (`status = 'active'`) can only be proved from a
 * constant, and with the status as a parameter PostgreSQL could never keep a generic plan for the prepared
 * statement and planned the pick anew on every press (about 2 ms, twice the walk itself).
 */
const ACTIVE = sql`${caseQueueState.status} = 'active'`;

export const q = caseQueueState;

/**
 * The queue rows joined to their cases: the walks read the queue row's index (owner, priority, id, workable
 * instant) and the claim on the case, and lock the case (`for update of cases`).
 */
export const QUEUED_CASES = sql`${q} join ${cases} on ${cases.id} = ${q.caseId}`;

/** A value as the conditions below take it: bound now, or a placeholder of a statement built once (db/statement.ts). */
type Value = string | Placeholder;

/** The agent's own active cases, by their queue rows (walked on queue_state_agent_priority_walk_idx). */
export function ownCases(agentId: Value): SQL {
  return and(ACTIVE, sql`${q.assignedAgentId} = ${agentId}::uuid`) as SQL;
}

/**
 * The unassigned active cases of the agent's teams, by their queue rows (walked on queue_state_pool_priority_walk_idx). The teams are an `in` list,
 * one value each: with one team that is an equality, and the index walk stays in priority order.
 */
export function poolCases(teamIds: readonly Value[]): SQL {
  if (teamIds.length === 0) return sql`false`;
  const teams = sql.join(
    teamIds.map((teamId) => sql`${teamId}::uuid`),
    sql`, `,
  );
  return and(ACTIVE, isNull(q.assignedAgentId), sql`${q.teamId} in (${teams})`) as SQL;
}

/**
 * Workable now by the stored instant and free to claim: never claimed, or the claim has expired. The agent's own
 * live claims are excluded too: those cases are already on their screen, and handing one out again would make
 * "next" return the same case twice. `now` is an instant, or a placeholder for its ISO text. Reads the queue row
 * and the case (QUEUED_CASES).
 */
export function claimable(scope: SQL, now: Date | Placeholder): SQL {
  const at = sql`${now instanceof Date ? now.toISOString() : now}::timestamptz`;
  return sql`${scope} and ${q.nextWorkableAt} <= ${at}
    and (${cases.claimedBy} is null or ${cases.claimExpiresAt} <= ${at})`;
}

/** The earliest stored instant at which one of the agent's or the pool's cases becomes workable. */
export async function nextOpensAt(db: Executor, user: SessionUser, now: Date): Promise<Date | null> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const [row] = await queryRows<{ opens: string | Date | null }>(
    db,
    sql`select least(
          (select min(${q.nextWorkableAt}) from ${q} where ${ownCases(user.id)} and ${q.nextWorkableAt} > ${at}),
          (select min(${q.nextWorkableAt}) from ${q} where ${poolCases(user.teamIds)} and ${q.nextWorkableAt} > ${at})
        ) as opens`,
  );
  return row?.opens == null ? null : new Date(row.opens);
}

/**
 * The agent's and the pool's cases that open later by a stored instant no judgement of the engine wrote (the demo
 * seed's estimate: no stored reason), soonest first, locked for the refresh. The queue rows judge such a case live,
 * so "next case" judges and stores them before it names an opening, or the two would disagree.
 */
export async function unjudgedLater(
  tx: Executor,
  user: SessionUser,
  now: Date,
  limit: number,
): Promise<string[]> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`select ${cases.id} as id from ${QUEUED_CASES}
        where (${ownCases(user.id)} or ${poolCases(user.teamIds)}) and ${q.nextWorkableAt} > ${at}
          and ${q.blockedReasonCode} is null
        order by ${q.nextWorkableAt} limit ${limit} for update of ${cases} skip locked`,
  );
  return rows.map((row) => row.id);
}

/**
 * The agent's and the pool's cases workable by their stored instant but under a live claim, which "next case"
 * passes over: the agent's own claims (cases they opened minutes ago) and other agents'.
 */
export async function heldLookingWorkable(
  db: Executor,
  user: SessionUser,
  now: Date,
): Promise<{ yours: number; others: number }> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const [row] = await queryRows<{ yours: number | string; others: number | string }>(
    db,
    sql`select count(*) filter (where ${cases.claimedBy} = ${user.id}::uuid) as yours,
          count(*) filter (where ${cases.claimedBy} <> ${user.id}::uuid) as others
        from ${QUEUED_CASES}
        where (${ownCases(user.id)} or ${poolCases(user.teamIds)}) and ${q.nextWorkableAt} <= ${at}
          and ${cases.claimedBy} is not null and ${cases.claimExpiresAt} > ${at}`,
  );
  return { yours: Number(row?.yours ?? 0), others: Number(row?.others ?? 0) };
}

export interface Candidate {
  id: string;
  /** Which queue it came from. */
  source: QueueSource;
  /** Every fact of the case but its contact history, approvals and scheduled visits (what a call's verdict reads). */
  loaded: LoadedCase;
}

export type QueueSource = 'mine' | 'team_pool';

type PickRow = CaseHeadJson & { source: QueueSource };

type PickValues = { agent: string; now: string; expires: string } & Record<`team${number}`, string>;

/** The pick statements built so far, by number of teams. */
const pickStatements = new Map<number, ReturnType<typeof pickStatement>>();

/**
 * The pick and claim for an agent with `teams` teams (one statement text per count, built once: see
 * db/statement.ts). A list of teams is written as `in ($1, $2…)`, not `= any($1)`: with one team that is an
 * equality, and the pool index walk stays ordered by priority. `picked` is read three times, so it is computed once.
 * Every part of the statement sees the rows as they were before it, so the facts read are those of the case before
 * the claim, which a claim does not change.
 */
function pickStatement(teams: number) {
  return statement<PickValues, PickRow>((slot) => {
    const teamSlots = Array.from({ length: teams }, (_, i) => slot[`team${i}`]!);
    const own = claimable(ownCases(slot.agent), slot.now);
    const pool = claimable(poolCases(teamSlots), slot.now);
    return sql`with walk_0 as (
          select ${q.caseId} as id, 'mine'::text as source from ${QUEUED_CASES} where ${own}
          order by ${q.priority} desc, ${q.caseId} desc limit 1 for update of ${cases} skip locked),
        walk_1 as (
          select ${q.caseId} as id, 'team_pool'::text as source from ${QUEUED_CASES} where ${pool}
            and not exists (select 1 from walk_0)
          order by ${q.priority} desc, ${q.caseId} desc limit 1 for update of ${cases} skip locked),
        picked as (select id, source from walk_0 union all select id, source from walk_1 limit 1),
        claimed as (
          update ${cases} set claimed_by = ${slot.agent}::uuid, claim_expires_at = ${slot.expires}::timestamptz,
            assigned_agent_id = ${slot.agent}::uuid,
            version = case when picked.source = 'team_pool' then ${cases.version} + 1 else ${cases.version} end,
            updated_at = case when picked.source = 'team_pool' then ${slot.now}::timestamptz
              else ${cases.updatedAt} end
          from picked where ${cases.id} = picked.id),
        audited as (
          insert into ${auditEvents} (actor_id, action, entity_type, entity_id, case_id, before, after)
          select ${slot.agent}::uuid, 'queue.claimFromPool', 'case', picked.id::text, picked.id,
            jsonb_build_object('assignedAgentId', null),
            jsonb_build_object('assignedAgentId', ${slot.agent}::text, 'claimExpiresAt', ${slot.expires}::text)
          from picked where picked.source = 'team_pool')
        select picked.source, ${CASE_HEAD_COLUMNS}
        from picked join ${cases} c on c.id = picked.id ${CASE_HEAD_JOINS}`;
  });
}

/**
 * Claims the highest-priority claimable case of the agent's own cases, else of their teams' pools, in one
 * statement: the walk locks it FOR UPDATE SKIP LOCKED, the claim is written (a pool case becomes the agent's, a new
 * version, and the move is audited), and the facts next-case confirms it on are read: the case, its debtor and
 * portfolio, the debtor's contact points (creation order) and opt-outs, the case's disputes. The pool is walked only
 * when no own case is claimable (an uncorrelated NOT EXISTS, evaluated once before the walk), so no pool row is
 * locked for nothing. The same conditions as `claimable(ownCases…)` and `claimable(poolCases…)`. Null when neither
 * has one. It opens a transaction: `decide` (the engine's confirmation) commits the claim by returning and rolls it
 * back by throwing.
 */
export async function claimCandidate<T>(
  db: Database,
  agent: { id: string; teamIds: readonly string[] },
  at: { now: Date; expires: Date },
  decide: (candidate: Candidate | null) => T,
): Promise<T> {
  const teams = agent.teamIds.length;
  let pick = pickStatements.get(teams);
  if (pick === undefined) {
    pick = pickStatement(teams);
    pickStatements.set(teams, pick);
  }
  const values: PickValues = {
    agent: agent.id,
    now: at.now.toISOString(),
    expires: at.expires.toISOString(),
  };
  agent.teamIds.forEach((teamId, i) => {
    values[`team${i}`] = teamId;
  });
  return pick.opening(db, values, ([row]) => decide(row ? candidateOf(row) : null));
}

function candidateOf(row: PickRow): Candidate {
  const { head, points, optOuts, disputes, replies } = caseHeadFromJson(row);
  const loaded = assembleCase(head, caseParameters(head), {
    points,
    optOuts,
    disputes,
    replies,
    approvals: [],
    history: [],
  });
  return { id: head.caseRow.id, source: row.source, loaded };
}
