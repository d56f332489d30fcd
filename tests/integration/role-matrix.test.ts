import type { Role } from '@arrears/shared/domain/enums';
import type { SessionUser } from '@arrears/shared/schemas/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/client.ts';
import { appRouter } from '../../server/src/trpc/router.ts';
import { buildTeam, buildUser } from './support/builders.ts';
import { callerFor } from './support/caller.ts';
import { createTestDatabase } from './support/db.ts';

type Caller = ReturnType<typeof callerFor>['caller'];
type Who = Role | 'signed_out';
type Expected = 'ok' | 'UNAUTHORIZED' | 'FORBIDDEN';

const everyone = { signed_out: 'ok', agent: 'ok', supervisor: 'ok', manager: 'ok', admin: 'ok' } as const;
const signedIn = { signed_out: 'UNAUTHORIZED', agent: 'ok', supervisor: 'ok', manager: 'ok', admin: 'ok' } as const;

/**
 * The rules: every procedure of the router, who may call it, and a valid input. A procedure added to the router
 * without a row here fails the completeness test, so nothing ships without its access rule pinned.
 */
const MATRIX: Record<string, { access: Record<Who, Expected>; call: (c: Caller) => Promise<unknown> }> = {
  'auth.me': { access: everyone, call: (c) => c.auth.me() },
  'auth.signOut': { access: signedIn, call: (c) => c.auth.signOut() },
  'cases.list': { access: signedIn, call: (c) => c.cases.list({}) },
  'cases.filterOptions': { access: signedIn, call: (c) => c.cases.filterOptions() },
};
/** Sign-in is public by nature; its refusals are covered in auth.test.ts. */
const PUBLIC_BY_DESIGN = ['auth.signIn'];

let handle: DatabaseHandle;
const users = {} as Record<Role, SessionUser>;

beforeAll(async () => {
  handle = await createTestDatabase();
  const team = await buildTeam(handle.db);
  users.agent = await buildUser(handle.db, 'agent', { teamId: team.id });
  users.supervisor = await buildUser(handle.db, 'supervisor', { supervises: [team.id] });
  users.manager = await buildUser(handle.db, 'manager');
  users.admin = await buildUser(handle.db, 'admin');
});
afterAll(() => handle.close());

it('covers every procedure of the router', () => {
  const procedures = Object.keys(appRouter._def.procedures).sort();
  expect(procedures).toEqual([...Object.keys(MATRIX), ...PUBLIC_BY_DESIGN].sort());
});

describe.each(Object.entries(MATRIX))('%s', (_name, { access, call }) => {
  it.each(Object.entries(access) as Array<[Who, Expected]>)('as %s → %s', async (who, expected) => {
    const caller = callerFor(handle.db, who === 'signed_out' ? null : users[who]).caller;
    const outcome = await call(caller).then(
      () => 'ok',
      (error: { code?: string }) => error.code ?? 'THREW',
    );
    expect(outcome).toBe(expected);
  });
});
