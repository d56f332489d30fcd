import type { SessionUser } from '@arrears/shared/schemas/auth';
import { and, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client.ts';
import { cases } from '../../db/schema/index.ts';

/** The agent's own active cases (walked on cases_active_agent_next_idx). */
export function ownCases(agentId: string): SQL {
  return and(eq(cases.status, 'active'), eq(cases.assignedAgentId, agentId)) as SQL;
}

/** The unassigned active cases of the agent's teams (walked on cases_pool_next_idx). */
export function poolCases(teamIds: readonly string[]): SQL {
  if (teamIds.length === 0) return sql`false`;
  return and(
    eq(cases.status, 'active'),
    isNull(cases.assignedAgentId),
    inArray(cases.teamId, [...teamIds]),
  ) as SQL;
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
