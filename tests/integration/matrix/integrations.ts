import { buildTeam } from '../support/builders.ts';
import { callerFor } from '../support/caller.ts';
import { type MatrixRow, only } from './types.ts';

/** Integration keys are an admin's: listed, created and revoked in Admin › Integrations. */
export const integrationsMatrix: Record<string, MatrixRow> = {
  'integrations.list': { access: only('admin'), call: (c) => c.integrations.list() },
  'integrations.create': {
    access: only('admin'),
    call: (c, world) => c.integrations.create({ name: 'Matrix dialer', teamIds: [world.teamId] }),
  },
  'integrations.revoke': {
    access: only('admin'),
    call: async (c, world) => {
      const team = await buildTeam(world.db);
      const created = await callerFor(world.db, world.users.admin).caller.integrations.create({
        name: 'Matrix dialer to revoke',
        teamIds: [team.id],
      });
      return c.integrations.revoke({ keyId: created.view.id });
    },
  },
};
