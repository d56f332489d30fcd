import type { SessionUser } from '@arrears/shared/schemas/auth';
import { type AgentFigures, EDGE_MINUTES, type HeatMapOutput } from '@arrears/shared/schemas/oversight';
import { and, type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client.ts';
import { caseScope } from '../cases/cases.service.ts';
import { localMidnight } from './debtor-zone.ts';
import { WINDOW_NEAR_EDGE, WINDOW_OUTSIDE } from './insights.ts';

interface Range {
  from: string;
  to: string;
}

/** The agents a viewer oversees: a supervisor those of the teams they run, a manager and an admin every agent. */
function agentScope(user: SessionUser, teamId: string | undefined): SQL {
  const own =
    user.role === 'supervisor'
      ? user.teamIds.length === 0
        ? sql`false`
        : sql`u.team_id in (${sql.join(
            user.teamIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})`
      : sql`true`;
  return and(sql`u.role = 'agent'`, own, teamId ? sql`u.team_id = ${teamId}` : undefined) as SQL;
}

/**
 * Per-agent figures for a range of local dates in the viewer's zone: outbound attempts, conversations, blocked
 * attempts and the blocked rate, actions that went through on an override, complaints received naming the agent.
 * Each count is an index range on (agent, instant).
 */
export async function agentFigures(
  db: Executor,
  user: SessionUser,
  input: Range & { teamId?: string | undefined },
): Promise<AgentFigures[]> {
  const from = localMidnight(input.from, user.timeZone);
  const to = localMidnight(input.to, user.timeZone, 1);
  const rows = await queryRows<{
    id: string;
    name: string;
    team_name: string | null;
    attempts: number | string;
    contacts: number | string;
    blocked: number | string;
    overrides: number | string;
    complaints: number | string;
  }>(
    db,
    sql`select u.id, u.name, t.name as team_name, cl.attempts, cl.contacts, cd.blocked, cd.overrides,
        (select count(*) from complaints k where k.agent_id = u.id
          and k.received_at >= ${from} and k.received_at < ${to}) as complaints
      from users u
      left join teams t on t.id = u.team_id
      cross join lateral (
        select count(*) filter (where x.direction = 'outbound') as attempts,
               count(*) filter (where x.outcome = 'conversation') as contacts
        from contact_log x where x.agent_id = u.id and x.occurred_at >= ${from} and x.occurred_at < ${to}) cl
      cross join lateral (
        select count(*) filter (where x.outcome = 'blocked') as blocked,
               count(*) filter (where x.outcome = 'overridden' and not (x.facts ? 'override')) as overrides
        from compliance_decisions x
        where x.actor_id = u.id and x.evaluated_at >= ${from} and x.evaluated_at < ${to}) cd
      where ${agentScope(user, input.teamId)}
      order by u.name, u.id`,
  );
  return rows.map((row) => {
    const attempts = Number(row.attempts);
    const blocked = Number(row.blocked);
    return {
      agentId: row.id,
      agentName: row.name,
      teamName: row.team_name,
      attempts,
      contacts: Number(row.contacts),
      blocked,
      blockedRate: attempts + blocked === 0 ? null : blocked / (attempts + blocked),
      overrides: Number(row.overrides),
      complaints: Number(row.complaints),
    };
  });
}

/**
 * Outbound attempts by agents, bucketed by hour and ISO weekday of the debtor's local day (the zone the engine
 * decided, stamped in contact_insights when the contact was recorded), counting those within EDGE_MINUTES of the
 * calling window's start or end and those outside it. Filtered by agent or by the case's team, inside the viewer's
 * case scope. An index-only group-by over contact_insights with the case's team probed index-only for the scope.
 */
export async function heatMap(
  db: Executor,
  user: SessionUser,
  input: Range & { agentId?: string | undefined; teamId?: string | undefined },
): Promise<HeatMapOutput> {
  const from = localMidnight(input.from, user.timeZone);
  const to = localMidnight(input.to, user.timeZone, 1);
  const needsCase = user.role === 'supervisor' || user.role === 'agent' || input.teamId !== undefined;
  const rows = await queryRows<{
    weekday: number | string;
    hour: number | string;
    attempts: number | string;
    near_edge: number | string;
    outside: number | string;
  }>(
    db,
    sql`select ci.local_weekday as weekday, ci.local_hour as hour, count(*) as attempts,
        count(*) filter (where ci.window_position = ${WINDOW_NEAR_EDGE}::int) as near_edge,
        count(*) filter (where ci.window_position = ${WINDOW_OUTSIDE}::int) as outside
      from contact_insights ci
      ${needsCase ? sql`join cases on cases.id = ci.case_id` : sql``}
      where ${and(
        needsCase ? caseScope(user) : undefined,
        sql`ci.timed`,
        sql`ci.occurred_at >= ${from}`,
        sql`ci.occurred_at < ${to}`,
        input.agentId ? sql`ci.agent_id = ${input.agentId}` : undefined,
        input.teamId ? sql`cases.team_id = ${input.teamId}` : undefined,
      )}
      group by 1, 2 order by 1, 2`,
  );
  const cells = rows.map((row) => ({
    weekday: Number(row.weekday),
    hour: Number(row.hour),
    attempts: Number(row.attempts),
    nearEdge: Number(row.near_edge),
    outside: Number(row.outside),
  }));
  return { edgeMinutes: EDGE_MINUTES, total: cells.reduce((sum, c) => sum + c.attempts, 0), cells };
}

/** Teams, agents and portfolios the viewer may filter by. */
export async function auditOptions(db: Executor, user: SessionUser) {
  const [agents, teams, portfolios] = await Promise.all([
    queryRows<{ id: string; name: string; team_id: string | null }>(
      db,
      sql`select u.id, u.name, u.team_id from users u where ${agentScope(user, undefined)} order by u.name, u.id`,
    ),
    queryRows<{ id: string; name: string }>(
      db,
      user.role === 'supervisor'
        ? user.teamIds.length === 0
          ? sql`select id, name from teams where false`
          : sql`select id, name from teams where id in (${sql.join(
              user.teamIds.map((id) => sql`${id}::uuid`),
              sql`, `,
            )}) order by name`
        : sql`select id, name from teams order by name`,
    ),
    queryRows<{ id: string; name: string }>(db, sql`select id, name from portfolios order by name`),
  ]);
  return {
    agents: agents.map((a) => ({ id: a.id, name: a.name, teamId: a.team_id })),
    teams,
    portfolios,
  };
}
