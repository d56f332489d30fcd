import type { Role } from '@arrears/shared/domain/enums';
import type { SessionUser } from '@arrears/shared/schemas/auth';
import type { Database } from '../../../server/src/db/client.ts';
import type { callerFor } from '../support/caller.ts';

export type Caller = ReturnType<typeof callerFor>['caller'];
export type Who = Role | 'signed_out';
/** `ok`, or the tRPC error code the call must fail with. NOT_FOUND is how out-of-scope cases answer. */
export type Expected = 'ok' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'NOT_FOUND';

/** The world every matrix row runs in: one team, a user per role, one case in that team's pool. */
export interface MatrixWorld {
  db: Database;
  users: Record<Role, SessionUser>;
  teamId: string;
  caseId: string;
}

export interface MatrixRow {
  access: Record<Who, Expected>;
  /** Calls the procedure with a valid input; must not depend on earlier rows having run. */
  call: (caller: Caller, world: MatrixWorld) => Promise<unknown>;
}

export const everyone = {
  signed_out: 'ok',
  agent: 'ok',
  supervisor: 'ok',
  manager: 'ok',
  admin: 'ok',
} as const;
export const signedIn = {
  signed_out: 'UNAUTHORIZED',
  agent: 'ok',
  supervisor: 'ok',
  manager: 'ok',
  admin: 'ok',
} as const;

/** Only the listed roles may call; every other signed-in role is FORBIDDEN. */
export function only(...roles: Role[]): Record<Who, Expected> {
  const all: Role[] = ['agent', 'supervisor', 'manager', 'admin'];
  return Object.fromEntries([
    ['signed_out', 'UNAUTHORIZED'],
    ...all.map((role) => [role, roles.includes(role) ? 'ok' : 'FORBIDDEN']),
  ]) as Record<Who, Expected>;
}
