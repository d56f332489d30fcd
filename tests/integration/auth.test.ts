import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/client.ts';
import { sessions } from '../../server/src/db/schema/index.ts';
import { hashToken, resolveSession } from '../../server/src/modules/auth/session.ts';
import { buildTeam, buildUser, TEST_PASSWORD } from './support/builders.ts';
import { callerFor } from './support/caller.ts';
import { createTestDatabase } from './support/db.ts';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

describe('sign-in', () => {
  it('signs in with the right password, sets a session cookie and stores only the token hash', async () => {
    const team = await buildTeam(handle.db);
    const agent = await buildUser(handle.db, 'agent', { teamId: team.id, email: 'agent.one@example.test' });
    const { caller, cookies } = callerFor(handle.db, null);
    const user = await caller.auth.signIn({ email: 'Agent.One@Example.test ', password: TEST_PASSWORD });
    expect(user).toMatchObject({ id: agent.id, role: 'agent', teamIds: [team.id] });
    expect(cookies.set).toHaveLength(1);
    const token = cookies.set[0]!.token;
    const stored = await handle.db.select().from(sessions).where(eq(sessions.userId, agent.id));
    expect(stored.map((s) => s.tokenHash)).toEqual([hashToken(token)]);
    expect(await resolveSession(handle.db, token, new Date())).toMatchObject({ id: agent.id });
  });

  it('answers the same UNAUTHORIZED for a wrong password and an unknown email', async () => {
    await buildUser(handle.db, 'manager', { email: 'boss@example.test' });
    const { caller } = callerFor(handle.db, null, { ip: '10.0.0.1' });
    const wrong = caller.auth.signIn({ email: 'boss@example.test', password: 'nope' });
    await expect(wrong).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      message: 'Email or password is incorrect.',
    });
    const unknown = caller.auth.signIn({ email: 'ghost@example.test', password: 'nope' });
    await expect(unknown).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      message: 'Email or password is incorrect.',
    });
  });

  it('refuses a malformed email as BAD_REQUEST naming the field', async () => {
    const { caller } = callerFor(handle.db, null);
    await expect(caller.auth.signIn({ email: 'not-an-email', password: 'x' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('email'),
    });
  });

  it('backs an address off a guessed account with a growing wait, then lets the right password in', async () => {
    await buildUser(handle.db, 'admin', { email: 'target@example.test' });
    const T0 = new Date('2026-11-29T10:00:00Z');
    const at = (seconds: number) =>
      callerFor(handle.db, null, { now: new Date(T0.getTime() + seconds * 1000), ip: '10.0.0.9' }).caller;
    for (let i = 0; i < 5; i++) {
      await expect(
        at(0).auth.signIn({ email: 'target@example.test', password: `guess${i}` }),
      ).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    }
    // Refused before the password is checked, the right one too, with when to come back.
    await expect(
      at(0).auth.signIn({ email: 'target@example.test', password: TEST_PASSWORD }),
    ).rejects.toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      message: 'Too many failed sign-ins. Try again in 2 seconds.',
      details: { retryAfterSeconds: 2 },
    });
    await expect(
      at(2).auth.signIn({ email: 'target@example.test', password: 'guess5' }),
    ).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(
      at(3).auth.signIn({ email: 'target@example.test', password: TEST_PASSWORD }),
    ).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS', message: expect.stringContaining('3 seconds') });
    await expect(
      at(6).auth.signIn({ email: 'target@example.test', password: TEST_PASSWORD }),
    ).resolves.toMatchObject({ email: 'target@example.test' });
  });

  it('signs out: the session row is gone and the cookie cleared', async () => {
    await buildUser(handle.db, 'supervisor', { email: 'leaving@example.test' });
    const signIn = callerFor(handle.db, null);
    await signIn.caller.auth.signIn({ email: 'leaving@example.test', password: TEST_PASSWORD });
    const token = signIn.cookies.set[0]!.token;
    const sessionUser = await resolveSession(handle.db, token, new Date());
    expect(sessionUser).toMatchObject({ role: 'supervisor' });
    const signedIn = callerFor(handle.db, sessionUser, { sessionToken: token });
    await expect(signedIn.caller.auth.signOut()).resolves.toEqual({ ok: true });
    expect(signedIn.cookies.cleared).toBe(1);
    expect(await resolveSession(handle.db, token, new Date())).toBeNull();
  });

  it('does not resolve an expired session', async () => {
    await buildUser(handle.db, 'agent', { email: 'expired@example.test' });
    const { caller, cookies } = callerFor(handle.db, null);
    await caller.auth.signIn({ email: 'expired@example.test', password: TEST_PASSWORD });
    const later = new Date(Date.now() + 13 * 3_600_000);
    expect(await resolveSession(handle.db, cookies.set[0]!.token, later)).toBeNull();
  });
});
