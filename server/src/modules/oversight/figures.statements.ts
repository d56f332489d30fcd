import type { SessionUser } from '@arrears/shared/schemas/auth';
import { and, type SQL, sql } from 'drizzle-orm';
import {
  cases,
  complaints,
  complianceDecisions,
  contactInsights,
  contactLog,
  portfolios,
  teams,
  users,
} from '../../db/schema/index.ts';
import { caseScope } from '../cases/cases.service.ts';
import { WINDOW_NEAR_EDGE, WINDOW_OUTSIDE } from './insights.ts';

/**
 * The oversight figures' SQL (decision record 030): tables and columns named through the Drizzle schema, each table
 * once per FROM so that its columns render qualified by its own name (`"users"."team_id"`). The case scope
 * (`caseScope`) names `cases` itself, so the heat map joins `cases` unaliased.
 */

/** The agents a viewer oversees: a supervisor those of the teams they run, a manager and an admin every agent. */
function agentScope(user: SessionUser, teamId: string | undefined): SQL {
  const own =
    user.role === 'supervisor'
      ? user.teamIds.length === 0
        ? sql`false`
        : sql`${users.teamId} in (${sql.join(
            user.teamIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})`
      : sql`true`;
  return and(sql`${users.role} = 'agent'`, own, teamId ? sql`${users.teamId} = ${teamId}` : undefined) as SQL;
}

/** Per agent in scope: attempts and conversations, blocked and overridden decisions, complaints, in [from, to). */
export const agentFigures = (user: SessionUser, teamId: string | undefined, from: SQL, to: SQL): SQL =>
  sql`select ${users.id}, ${users.name}, ${teams.name} as team_name, cl.attempts, cl.contacts, cd.blocked, cd.overrides,
        (select count(*) from ${complaints} where ${complaints.agentId} = ${users.id}
          and ${complaints.receivedAt} >= ${from} and ${complaints.receivedAt} < ${to}) as complaints
      from ${users}
      left join ${teams} on ${teams.id} = ${users.teamId}
      cross join lateral (
        select count(*) filter (where ${contactLog.direction} = 'outbound') as attempts,
               count(*) filter (where ${contactLog.outcome} = 'conversation') as contacts
        from ${contactLog}
        where ${contactLog.agentId} = ${users.id} and ${contactLog.occurredAt} >= ${from} and ${contactLog.occurredAt} < ${to}) cl
      cross join lateral (
        select count(*) filter (where ${complianceDecisions.outcome} = 'blocked') as blocked,
               count(*) filter (where ${complianceDecisions.outcome} = 'overridden' and not (${complianceDecisions.facts} ? 'override')) as overrides
        from ${complianceDecisions}
        where ${complianceDecisions.actorId} = ${users.id} and ${complianceDecisions.evaluatedAt} >= ${from}
          and ${complianceDecisions.evaluatedAt} < ${to}) cd
      where ${agentScope(user, teamId)}
      order by ${users.name}, ${users.id}`;

/** Timed attempts in [from, to) by the debtor's local weekday and hour, with those near the window's edge and outside. */
export function heatMapCells(
  user: SessionUser,
  input: { agentId?: string | undefined; teamId?: string | undefined },
  from: SQL,
  to: SQL,
): SQL {
  const ci = contactInsights;
  const needsCase = user.role === 'supervisor' || user.role === 'agent' || input.teamId !== undefined;
  return sql`select ${ci.localWeekday} as weekday, ${ci.localHour} as hour, count(*) as attempts,
        count(*) filter (where ${ci.windowPosition} = ${WINDOW_NEAR_EDGE}::int) as near_edge,
        count(*) filter (where ${ci.windowPosition} = ${WINDOW_OUTSIDE}::int) as outside
      from ${ci}
      ${needsCase ? sql`join ${cases} on ${cases.id} = ${ci.caseId}` : sql``}
      where ${and(
        needsCase ? caseScope(user) : undefined,
        sql`${ci.timed}`,
        sql`${ci.occurredAt} >= ${from}`,
        sql`${ci.occurredAt} < ${to}`,
        input.agentId ? sql`${ci.agentId} = ${input.agentId}` : undefined,
        input.teamId ? sql`${cases.teamId} = ${input.teamId}` : undefined,
      )}
      group by 1, 2 order by 1, 2`;
}

/** The agents a viewer may filter the audit by. */
export const agentsInScope = (user: SessionUser): SQL =>
  sql`select ${users.id}, ${users.name}, ${users.teamId} from ${users} where ${agentScope(user, undefined)} order by ${users.name}, ${users.id}`;

/** The teams a viewer may filter by: a supervisor's own, every team for a manager or an admin. */
export function teamsInScope(user: SessionUser): SQL {
  if (user.role !== 'supervisor')
    return sql`select ${teams.id}, ${teams.name} from ${teams} order by ${teams.name}`;
  if (user.teamIds.length === 0) return sql`select ${teams.id}, ${teams.name} from ${teams} where false`;
  return sql`select ${teams.id}, ${teams.name} from ${teams} where ${teams.id} in (${sql.join(
    user.teamIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  )}) order by ${teams.name}`;
}

export const portfolioList = (): SQL =>
  sql`select ${portfolios.id}, ${portfolios.name} from ${portfolios} order by ${portfolios.name}`;
