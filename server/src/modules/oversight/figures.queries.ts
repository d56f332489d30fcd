import type { SessionUser } from '@arrears/shared/schemas/auth';
import { type AgentFigures, EDGE_MINUTES, type HeatMapOutput } from '@arrears/shared/schemas/oversight';
import { and, type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client.ts';
import { caseScope } from '../cases/case-scope.ts';
import {
  contactZone,
  localMidnight,
  windowEnd,
  windowStart,
  zoneMapJoin,
  zoneMapJson,
} from './debtor-zone.ts';

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

/** Outbound kinds a calling window applies to: letters and escalations have no hour. */
const TIMED_KINDS = sql`('call', 'autodial_call', 'voicemail', 'sms', 'email', 'app_push', 'field_visit', 'third_party_contact')`;

/**
 * Outbound attempts by agents, bucketed by hour and ISO weekday of the debtor's local day (the zone the engine
 * decided, see contactZone), counting those within EDGE_MINUTES of the calling window's start or end and those
 * outside it. Filtered by agent or by the case's team, inside the viewer's case scope.
 */
export async function heatMap(
  db: Executor,
  user: SessionUser,
  input: Range & { agentId?: string | undefined; teamId?: string | undefined },
): Promise<HeatMapOutput> {
  const from = localMidnight(input.from, user.timeZone);
  const to = localMidnight(input.to, user.timeZone, 1);
  const zones = await zoneMapJson(db);
  const rows = await queryRows<{
    weekday: number | string;
    hour: number | string;
    attempts: number | string;
    near_edge: number | string;
    outside: number | string;
  }>(
    db,
    sql`with local as (
        select (cl.occurred_at at time zone ${contactZone}) as lt, ${windowStart()} as ws, ${windowEnd()} as we
        from contact_log cl
        join cases on cases.id = cl.case_id
        join debtors d on d.id = cl.debtor_id
        join portfolios p on p.id = cases.portfolio_id
        ${zoneMapJoin(zones)}
        where ${and(
          caseScope(user),
          sql`cl.occurred_at >= ${from}`,
          sql`cl.occurred_at < ${to}`,
          sql`cl.direction = 'outbound'`,
          sql`cl.agent_id is not null`,
          sql`cl.kind in ${TIMED_KINDS}`,
          input.agentId ? sql`cl.agent_id = ${input.agentId}` : undefined,
          input.teamId ? sql`cases.team_id = ${input.teamId}` : undefined,
        )}
      ), minutes as (
        select lt, ws, we, extract(hour from lt)::int * 60 + extract(minute from lt)::int as m from local
      )
      select extract(isodow from lt)::int as weekday, extract(hour from lt)::int as hour, count(*) as attempts,
        count(*) filter (where m >= ws and m < we
          and (m < ws + ${EDGE_MINUTES}::int or m >= we - ${EDGE_MINUTES}::int)) as near_edge,
        count(*) filter (where m < ws or m >= we) as outside
      from minutes group by 1, 2 order by 1, 2`,
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
