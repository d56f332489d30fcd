import { errorMessage } from '@arrears/shared/errors/messages';
import type { SessionUser } from '@arrears/shared/schemas/auth';
import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { users } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';

/** Whose queues are shown: the cases assigned to `id` and the pools of `teamIds`. */
export interface Viewer {
  id: string;
  /** The agent's team, or the teams a supervisor runs: whose pools the viewer draws from. */
  teamIds: string[];
}

/**
 * Agents see their own queues only. A supervisor sees their own (cases assigned to them and their teams' pools)
 * or, with `agentId`, the queues of an agent of a team they run, exactly as that agent sees them.
 */
export async function resolveViewer(
  db: Executor,
  user: SessionUser & { role: 'agent' | 'supervisor' },
  agentId: string | undefined,
): Promise<Viewer> {
  if (agentId === undefined || agentId === user.id) {
    return { id: user.id, teamIds: user.teamIds };
  }
  if (user.role === 'agent') throw new AppError('FORBIDDEN', errorMessage('queue.agentsOwnOnly'));
  const [agent] =
    user.teamIds.length === 0
      ? []
      : await db
          .select({ id: users.id, teamId: users.teamId })
          .from(users)
          .where(and(eq(users.id, agentId), eq(users.role, 'agent'), inArray(users.teamId, user.teamIds)));
  if (!agent) throw new AppError('FORBIDDEN', errorMessage('queue.agentNotInYourTeam'));
  return { id: agent.id, teamIds: agent.teamId === null ? [] : [agent.teamId] };
}
