import type { Role } from '@arrears/shared/domain/enums';
import type { Database } from '../../../server/src/db/client.ts';
import { buildCase, buildPortfolio, buildTeam, buildUser } from '../support/builders.ts';
import type { MatrixWorld } from './types.ts';

/** The world the access matrix runs in: one user of each role around one team and a case in its pool. */
export async function buildMatrixWorld(db: Database): Promise<MatrixWorld> {
  const team = await buildTeam(db);
  const users = {} as Record<Role, MatrixWorld['users'][Role]>;
  users.agent = await buildUser(db, 'agent', { teamId: team.id });
  users.supervisor = await buildUser(db, 'supervisor', { supervises: [team.id] });
  users.manager = await buildUser(db, 'manager');
  users.admin = await buildUser(db, 'admin');
  const portfolio = await buildPortfolio(db);
  const poolCase = await buildCase(db, { portfolioId: portfolio.id, teamId: team.id });
  return { db, users, teamId: team.id, caseId: poolCase.id };
}
