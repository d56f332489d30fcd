import type { SessionUser } from '@arrears/shared/schemas/auth';
import { type AgentFigures, EDGE_MINUTES, type HeatMapOutput } from '@arrears/shared/schemas/oversight';
import { type Executor, queryRows } from '../../db/client.ts';
import { localMidnight } from './debtor-zone.ts';
import * as statements from './figures.statements.ts';

interface Range {
  from: string;
  to: string;
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
  }>(db, statements.agentFigures(user, input.teamId, from, to));
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
  const rows = await queryRows<{
    weekday: number | string;
    hour: number | string;
    attempts: number | string;
    near_edge: number | string;
    outside: number | string;
  }>(db, statements.heatMapCells(user, input, from, to));
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
    queryRows<{ id: string; name: string; team_id: string | null }>(db, statements.agentsInScope(user)),
    queryRows<{ id: string; name: string }>(db, statements.teamsInScope(user)),
    queryRows<{ id: string; name: string }>(db, statements.portfolioList()),
  ]);
  return {
    agents: agents.map((a) => ({ id: a.id, name: a.name, teamId: a.team_id })),
    teams,
    portfolios,
  };
}
