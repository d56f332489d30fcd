import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/src/app.ts';
import type { DatabaseHandle } from '../../server/src/db/client.ts';
import { buildUser, TEST_PASSWORD } from './support/builders.ts';
import { createTestDatabase } from './support/db.ts';

let handle: DatabaseHandle;
let server: Server;
let base: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  await buildUser(handle.db, 'agent', { email: 'http.agent@example.test' });
  const app = createApp({
    db: handle.db,
    sessionTtlHours: 12,
    cookieSecure: false,
    clientDist: '/nonexistent',
  });
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await handle.close();
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('HTTP server', () => {
  it('answers liveness on /healthz and database readiness on /readyz', async () => {
    const live = await fetch(`${base}/healthz`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ ok: true });
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ok: true, database: 'up' });
  });

  it('sends security headers', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('signs in over HTTP with an httpOnly SameSite cookie that authenticates later requests', async () => {
    const res = await post('/trpc/auth.signIn', {
      email: 'http.agent@example.test',
      password: TEST_PASSWORD,
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^ad_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const me = await fetch(`${base}/trpc/auth.me`, { headers: { cookie: cookie.split(';')[0]! } });
    const body = (await me.json()) as { result: { data: { email: string } } };
    expect(body.result.data.email).toBe('http.agent@example.test');
  });

  it('answers bad input with 400 and the field at fault, never 500', async () => {
    const res = await post('/trpc/auth.signIn', { email: 'nope', password: '' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as {
      error: { message: string; data: { fieldErrors: Record<string, string[]> } };
    };
    expect(Object.keys(body.error.data.fieldErrors).sort()).toEqual(['email', 'password']);
    const garbled = await fetch(`${base}/trpc/auth.signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(garbled.status).toBe(400);
  });

  it('answers 401 to a signed-out call and 404 to an unknown procedure', async () => {
    expect((await fetch(`${base}/trpc/cases.list`)).status).toBe(401);
    expect((await fetch(`${base}/trpc/cases.nothingHere`)).status).toBe(404);
  });

  it('refuses a cross-site POST', async () => {
    const res = await post(
      '/trpc/auth.signIn',
      { email: 'http.agent@example.test', password: TEST_PASSWORD },
      { origin: 'https://evil.example' },
    );
    expect(res.status).toBe(403);
  });
});
