import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/client.ts';
import { signInAttempts, signInThrottle } from '../../server/src/db/schema/index.ts';
import { jobDefinitions } from '../../server/src/jobs/registry.ts';
import { JobRunner } from '../../server/src/jobs/runner.ts';
import { pruneThrottle, THROTTLE_POLICIES } from '../../server/src/modules/auth/throttle.ts';
import { buildUser, TEST_PASSWORD } from './support/builders.ts';
import { callerFor } from './support/caller.ts';
import { createTestDatabase } from './support/db.ts';

const T0 = new Date('2026-11-29T10:00:00Z');
/** Each password check is a ~50 ms scrypt, far slower on a busy machine: these tests run dozens. */
const SLOW = 120_000;

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

const signIn = (email: string, password: string, ip: string, seconds = 0) =>
  callerFor(handle.db, null, { ip, now: new Date(T0.getTime() + seconds * 1000) }).caller.auth.signIn({
    email,
    password,
  });

/** The outcome of an attempt as its tRPC code: OK, UNAUTHORIZED or TOO_MANY_REQUESTS. */
async function outcome(attempt: Promise<unknown>): Promise<string> {
  try {
    await attempt;
    return 'OK';
  } catch (error) {
    return (error as { code: string }).code;
  }
}

/** How many attempts on this email reached the password check: each one checked is recorded, refused ones not. */
async function passwordChecks(email: string): Promise<number> {
  const [row] = await handle.db
    .select({ n: count() })
    .from(signInAttempts)
    .where(eq(signInAttempts.email, email));
  return row?.n ?? 0;
}

/** Tries wrong passwords from one address until `failures` were checked, waiting out each backoff. */
async function failFrom(email: string, ip: string, failures: number, startSecond = 0): Promise<number> {
  let second = startSecond;
  for (let done = 0; done < failures; ) {
    try {
      await signIn(email, `wrong-${done}`, ip, second);
    } catch (error) {
      const { code, details } = error as { code: string; details?: { retryAfterSeconds: number } };
      if (code === 'UNAUTHORIZED') done++;
      else second += details!.retryAfterSeconds;
    }
  }
  return second;
}

describe('sign-in throttle', () => {
  it(
    'lets at most the allowance of 100 parallel wrong attempts reach the password check',
    async () => {
      const user = await buildUser(handle.db, 'agent');
      const outcomes = await Promise.all(
        Array.from({ length: 100 }, (_, i) => outcome(signIn(user.email, `parallel-${i}`, '198.51.100.1'))),
      );
      const checked = await passwordChecks(user.email);
      expect(checked).toBeGreaterThan(0);
      expect(checked).toBeLessThanOrEqual(THROTTLE_POLICIES.addressAccount.free);
      expect(outcomes.filter((o) => o === 'UNAUTHORIZED')).toHaveLength(checked);
      expect(outcomes.filter((o) => o === 'TOO_MANY_REQUESTS')).toHaveLength(100 - checked);
    },
    SLOW,
  );

  it(
    'lets at most the per-account allowance of 100 parallel attempts from 100 addresses reach the check',
    async () => {
      const user = await buildUser(handle.db, 'agent');
      const outcomes = await Promise.all(
        Array.from({ length: 100 }, (_, i) => outcome(signIn(user.email, `spread-${i}`, `198.51.101.${i}`))),
      );
      const checked = await passwordChecks(user.email);
      expect(checked).toBeGreaterThan(0);
      expect(checked).toBeLessThanOrEqual(THROTTLE_POLICIES.account.free);
      expect(outcomes.filter((o) => o === 'TOO_MANY_REQUESTS')).toHaveLength(100 - checked);
    },
    SLOW,
  );

  it(
    'does not keep a named user out from a fresh address after ten failures from another',
    async () => {
      const user = await buildUser(handle.db, 'agent');
      const second = await failFrom(user.email, '203.0.113.10', 10);
      // The guessing address still waits; the user's own address does not.
      expect(await outcome(signIn(user.email, TEST_PASSWORD, '203.0.113.10', second))).toBe(
        'TOO_MANY_REQUESTS',
      );
      expect(await outcome(signIn(user.email, TEST_PASSWORD, '203.0.113.99', second))).toBe('OK');
    },
    SLOW,
  );

  it(
    'makes the wait grow with each failure from one address, up to its cap',
    async () => {
      const user = await buildUser(handle.db, 'agent');
      const waits: number[] = [];
      let second = 0;
      while (waits.length < 12) {
        try {
          await signIn(user.email, 'wrong', '203.0.113.20', second);
        } catch (error) {
          const { details } = error as { details?: { retryAfterSeconds: number } };
          if (details) {
            waits.push(details.retryAfterSeconds);
            second += details.retryAfterSeconds;
          }
        }
      }
      expect(waits.slice(0, 6)).toEqual([2, 4, 8, 16, 32, 64]);
      expect(Math.max(...waits)).toBe(THROTTLE_POLICIES.addressAccount.capMs / 1000);
    },
    SLOW,
  );

  it(
    'holds many addresses to the per-account backoff, bounded, and lets the user in once it passes',
    async () => {
      const user = await buildUser(handle.db, 'agent');
      // One wrong password from each of 20 addresses: no address backs off, the account does.
      const spread = await Promise.all(
        Array.from({ length: THROTTLE_POLICIES.account.free }, (_, i) =>
          outcome(signIn(user.email, 'wrong', `192.0.2.${i}`)),
        ),
      );
      expect(new Set(spread)).toEqual(new Set(['UNAUTHORIZED']));
      const refused = signIn(user.email, 'wrong', '192.0.2.200');
      await expect(refused).rejects.toMatchObject({
        code: 'TOO_MANY_REQUESTS',
        details: { retryAfterSeconds: 1 },
      });
      // Attackers who keep at it push the wait up to the cap, never past it.
      let second = 0;
      let wait = 1;
      for (let i = 0; i < 10; i++) {
        second += wait;
        expect(await outcome(signIn(user.email, 'wrong', `192.0.2.${100 + i}`, second))).toBe('UNAUTHORIZED');
        const next = await signIn(user.email, 'wrong', `192.0.2.${150 + i}`, second).catch(
          (error: { details: { retryAfterSeconds: number } }) => error,
        );
        wait = (next as { details: { retryAfterSeconds: number } }).details.retryAfterSeconds;
      }
      expect(wait).toBe(THROTTLE_POLICIES.account.capMs / 1000);
      // The real user from a fresh address waits at most that long, then signs in.
      expect(await outcome(signIn(user.email, TEST_PASSWORD, '192.0.2.250', second))).toBe(
        'TOO_MANY_REQUESTS',
      );
      expect(await outcome(signIn(user.email, TEST_PASSWORD, '192.0.2.250', second + wait))).toBe('OK');
    },
    SLOW,
  );

  it(
    'lets the user in at once from an address they signed in from before, while the account backs off',
    async () => {
      const user = await buildUser(handle.db, 'agent');
      expect(await outcome(signIn(user.email, TEST_PASSWORD, '192.0.2.77'))).toBe('OK');
      await Promise.all(
        Array.from({ length: THROTTLE_POLICIES.account.free }, (_, i) =>
          outcome(signIn(user.email, 'wrong', `198.18.0.${i}`, 10)),
        ),
      );
      expect(await outcome(signIn(user.email, TEST_PASSWORD, '198.18.1.1', 10))).toBe('TOO_MANY_REQUESTS');
      expect(await outcome(signIn(user.email, TEST_PASSWORD, '192.0.2.77', 10))).toBe('OK');
    },
    SLOW,
  );

  it('prunes streaks long over hourly but keeps the addresses an account is known from', async () => {
    const user = await buildUser(handle.db, 'agent');
    await failFrom(user.email, '203.0.113.30', 2);
    await signIn(user.email, TEST_PASSWORD, '203.0.113.31');
    const keysOf = async () =>
      (await handle.db.select({ key: signInThrottle.key }).from(signInThrottle))
        .map((r) => r.key)
        .filter((key) => key.includes('203.0.113.3'));
    expect((await keysOf()).length).toBe(4);
    await pruneThrottle(handle.db, new Date(T0.getTime() + 10 * 60_000));
    expect((await keysOf()).length).toBe(4);
    // The hourly job prunes: registered at 12:00, its slot at 12:07.
    const runner = new JobRunner({
      db: handle.db,
      definitions: jobDefinitions.filter((d) => d.name === 'auth.prune'),
    });
    await runner.runDue(new Date(T0.getTime() + 2 * 3_600_000));
    expect(await runner.runDue(new Date(T0.getTime() + 2 * 3_600_000 + 7 * 60_000))).toMatchObject({
      ran: 1,
      failed: 0,
    });
    expect(await keysOf()).toEqual([`address-account:203.0.113.31 ${user.email}`]);
  });
});
