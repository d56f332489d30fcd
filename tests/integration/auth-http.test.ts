import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppOptions, createApp } from '../../server/src/app.ts';
import type { DatabaseHandle } from '../../server/src/db/client.ts';
import { THROTTLE_POLICIES } from '../../server/src/modules/auth/throttle.ts';
import { buildUser } from './support/builders.ts';
import { createTestDatabase } from './support/db.ts';

let handle: DatabaseHandle;
const servers: Server[] = [];
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  await handle.close();
});

/** A server on a free port; `trustProxy` as `TRUST_PROXY` would set it (left out: the default). */
async function serve(trustProxy?: AppOptions['trustProxy']): Promise<string> {
  const app = createApp({
    db: handle.db,
    sessionTtlHours: 12,
    cookieSecure: false,
    clientDist: '/nonexistent',
    // A pinned clock: the waits are exact, however long the password checks take here.
    now: () => NOW,
    ...(trustProxy === undefined ? {} : { trustProxy }),
  });
  const server = app.listen(0, '127.0.0.1');
  servers.push(server);
  await new Promise((resolve) => server.once('listening', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const signIn = (base: string, email: string, forwardedFor: string) =>
  fetch(`${base}/trpc/auth.signIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({ email, password: 'wrong' }),
  });

const NOW = new Date('2026-11-29T10:00:00Z');
const ALLOWANCE = THROTTLE_POLICIES.addressAccount.free;

describe('sign-in throttle over HTTP', () => {
  it('answers 429 with Retry-After and a message saying when, by the address a trusted loopback proxy forwards', async () => {
    const base = await serve();
    const user = await buildUser(handle.db, 'agent');
    for (let i = 0; i < ALLOWANCE; i++) {
      expect((await signIn(base, user.email, '203.0.113.5')).status).toBe(401);
    }
    const refused = await signIn(base, user.email, '203.0.113.5');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('2');
    const body = (await refused.json()) as { error: { message: string } };
    expect(body.error.message).toBe('Too many failed sign-ins. Try again in 2 seconds.');
    // Another address the proxy forwards is another client.
    expect((await signIn(base, user.email, '203.0.113.6')).status).toBe(401);
  }, 90_000);

  it('ignores X-Forwarded-For when no proxy is trusted (TRUST_PROXY=false)', async () => {
    const base = await serve(false);
    const user = await buildUser(handle.db, 'agent');
    for (let i = 0; i < ALLOWANCE; i++) {
      expect((await signIn(base, user.email, `203.0.113.${50 + i}`)).status).toBe(401);
    }
    // Every attempt came from 127.0.0.1 whatever the header claimed.
    expect((await signIn(base, user.email, '203.0.113.99')).status).toBe(429);
  }, 90_000);
});
