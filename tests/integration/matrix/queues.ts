import { buildCase, buildPortfolio } from '../support/builders.ts';
import { type MatrixRow, only } from './types.ts';

/**
 * The people who work cases see queues (a supervisor sees their own, or an agent's of a team they run); only
 * agents take and release cases with "next case". Managers and admins work no queue.
 */
export const queuesMatrix: Record<string, MatrixRow> = {
  'queues.list': { access: only('agent', 'supervisor'), call: (c) => c.queues.list({ queue: 'team_pool' }) },
  'queues.counts': { access: only('agent', 'supervisor'), call: (c) => c.queues.counts() },
  'queues.next': { access: only('agent'), call: (c) => c.queues.next() },
  'queues.release': {
    access: only('agent'),
    call: async (c, world) => {
      // A case the world's agent holds a live claim on, fresh per call so each role meets the same state.
      const portfolio = await buildPortfolio(world.db);
      const held = await buildCase(world.db, {
        portfolioId: portfolio.id,
        teamId: world.teamId,
        assignedAgentId: world.users.agent.id,
        claimedBy: world.users.agent.id,
        claimExpiresAt: new Date(Date.now() + 600_000),
      });
      return c.queues.release({ caseId: held.id });
    },
  },
};
