import { PERMISSIONS, type Permission } from '@arrears/shared/auth/roles';
import { ROLES, type Role } from '@arrears/shared/domain/enums';
import { errorMessage, renderErrorMessage } from '@arrears/shared/errors/messages';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/client.ts';
import type { ProcedureMeta } from '../../server/src/trpc/context.ts';
import { appRouter } from '../../server/src/trpc/router.ts';
import type { MatrixWorld } from './matrix/types.ts';
import { buildMatrixWorld } from './matrix/world.ts';
import { TEST_PASSWORD } from './support/builders.ts';
import { createTestDatabase } from './support/db.ts';
import { type HttpApp, startHttpApp } from './support/http-app.ts';

/**
 * The permission table (shared/src/auth/roles.ts) walked against the router: every procedure declares the
 * permission it requires, or is one of the few open to anyone signed in or out; each permission is required
 * somewhere; a role without it is refused with 403 and a message, a role with it is never refused for it.
 */
const NO_PERMISSION = ['auth.me', 'auth.setLanguage', 'auth.signIn', 'auth.signOut'];

type Procedure = { _def: { type: 'query' | 'mutation' | 'subscription'; meta?: ProcedureMeta } };
const procedures = appRouter._def.procedures as unknown as Record<string, Procedure>;
const requiring = (permission: Permission) =>
  Object.keys(procedures).filter((path) => procedures[path]!._def.meta?.permission === permission);

let handle: DatabaseHandle;
let http: HttpApp;
const cookies = new Map<Role, string>();

beforeAll(async () => {
  handle = await createTestDatabase();
  const world: MatrixWorld = await buildMatrixWorld(handle.db);
  http = await startHttpApp(handle.db);
  for (const role of ROLES) cookies.set(role, await http.signIn(world.users[role].email, TEST_PASSWORD));
});
afterAll(async () => {
  await http?.close();
  await handle?.close();
});

/** Calls `path` over HTTP as `role` with an empty input: the permission is checked before the input is read. */
async function outcomeOf(path: string, role: Role) {
  const kind = procedures[path]!._def.type === 'query' ? 'query' : 'mutation';
  const answer = await http.call(path, kind, {}, { cookie: cookies.get(role) });
  const error = (answer.json as { error?: { message: string; data: { code: string } } }).error;
  return {
    status: answer.status,
    message: error?.message ?? 'answered',
    code: error?.data.code ?? 'answered',
  };
}

const refusedFor = (permission: Permission) =>
  renderErrorMessage(errorMessage('auth.roleRequired', { roles: PERMISSIONS[permission].join(',') }), 'en');

it('has every procedure declare its permission, but sign-in, sign-out, who-am-I and one’s own language', () => {
  const undeclared = Object.keys(procedures).filter((path) => !procedures[path]!._def.meta?.permission);
  expect(undeclared.sort()).toEqual(NO_PERMISSION);
});

describe.each(Object.keys(PERMISSIONS) as Permission[])('%s', (permission) => {
  const holders = PERMISSIONS[permission] as readonly Role[];
  const others = ROLES.filter((role) => !holders.includes(role));

  it('is required by at least one procedure', () => {
    expect(requiring(permission).length).toBeGreaterThan(0);
  });

  it.each(others.length > 0 ? others : ['(none)'])('refuses %s with 403 and a message', async (role) => {
    if (role === '(none)') return;
    for (const path of requiring(permission)) {
      const outcome = await outcomeOf(path, role as Role);
      expect(outcome, path).toEqual({ status: 403, code: 'FORBIDDEN', message: refusedFor(permission) });
    }
  });

  it.each(holders)('does not refuse %s for want of it', async (role) => {
    for (const path of requiring(permission)) {
      const outcome = await outcomeOf(path, role);
      expect(outcome.message, path).not.toBe(refusedFor(permission));
      expect(outcome.status, path).not.toBe(401);
    }
  });
});
