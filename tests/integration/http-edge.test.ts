import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http, { type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MAX_BATCH_CALLS } from '@arrears/shared/schemas/transport';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/src/app.ts';
import type { DatabaseHandle } from '../../server/src/db/client.ts';
import { NEXT_CASE_RATE } from '../../server/src/modules/queues/queues.router.ts';
import { buildTeam, buildUser, TEST_PASSWORD } from './support/builders.ts';
import { createTestDatabase, usingServer } from './support/db.ts';

/**
 * The HTTP edge as an agency would run it (decision 018): batch size, the next-case rate, body limits, and the
 * JSON error contract for every malformed request, over real HTTP against the Express app.
 */
let handle: DatabaseHandle;
let dist: string;
const servers: Server[] = [];
let base: string;
let secondBase: string;
// Sessions last 12 hours: every test's clock stays within them.
let clock = new Date('2026-11-11T09:00:00Z');
const cookies: Record<'agent' | 'otherAgent' | 'admin', string> = { agent: '', otherAgent: '', admin: '' };

async function listen(app: http.RequestListener): Promise<string> {
  const server = http.createServer(app);
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  handle = await createTestDatabase();
  const team = await buildTeam(handle.db);
  await buildUser(handle.db, 'agent', { teamId: team.id, email: 'edge.agent@example.test' });
  await buildUser(handle.db, 'agent', { teamId: team.id, email: 'edge.other@example.test' });
  await buildUser(handle.db, 'admin', { email: 'edge.admin@example.test' });
  // A built dashboard, so the SPA fallback is in play as it is in production.
  dist = mkdtempSync(path.join(tmpdir(), 'h3-edge-dist-'));
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>ArrearsDesk</title>');
  const options = {
    db: handle.db,
    sessionTtlHours: 12,
    cookieSecure: false,
    clientDist: dist,
    now: () => clock,
  };
  base = await listen(createApp(options));
  // A second instance on the same database: limits held in PostgreSQL hold across instances.
  secondBase = await listen(createApp(options));
  cookies.agent = await signIn('edge.agent@example.test');
  cookies.otherAgent = await signIn('edge.other@example.test');
  cookies.admin = await signIn('edge.admin@example.test');
});
let databaseOpen = true;
async function closeDatabase() {
  if (!databaseOpen) return;
  databaseOpen = false;
  await handle.close();
}
afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  await closeDatabase();
  rmSync(dist, { recursive: true, force: true });
});

async function signIn(email: string): Promise<string> {
  const res = await fetch(`${base}/trpc/auth.signIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: TEST_PASSWORD }),
  });
  expect(res.status).toBe(200);
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/** One request over a raw connection: any method, header or URL, even ones `fetch` would refuse to send. */
function send(
  method: string,
  url: string,
  options: { headers?: Record<string, string>; body?: string | Buffer; at?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const target = new URL(options.at ?? base);
    const req = http.request(
      { host: target.hostname, port: target.port, method, path: url, headers: options.headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const json = { 'content-type': 'application/json' };

type ErrorBody = { error: { message: string; code: number; data: { code: string } } };

/**
 * The JSON error contract: a message and a code, never a stack, HTML or the server's internals. A batched
 * request answers one such error per call.
 */
function expectErrorContract(answer: Answer, status: number): ErrorBody {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.headers['content-type']).toMatch(/^application\/json/);
  expect(answer.text).not.toMatch(/stack|\bat .*\.(ts|js):\d+|node_modules|<html|<pre/i);
  const parsed = JSON.parse(answer.text) as ErrorBody | ErrorBody[];
  for (const body of Array.isArray(parsed) ? parsed : [parsed]) {
    expect(body.error.message).toEqual(expect.any(String));
    expect(body.error.message.length).toBeGreaterThan(0);
    expect(body.error.code).toEqual(expect.any(Number));
    expect(body.error.data.code).toEqual(expect.any(String));
  }
  return Array.isArray(parsed) ? parsed[0]! : parsed;
}

const batchOf = (path: string, n: number) => Array.from({ length: n }, () => path).join(',');

describe('batched requests', () => {
  it(`refuse more than ${MAX_BATCH_CALLS} queries in one request and serve ${MAX_BATCH_CALLS}`, async () => {
    const over = await send('GET', `/trpc/${batchOf('auth.me', MAX_BATCH_CALLS + 1)}?batch=1`, {
      headers: { cookie: cookies.agent },
    });
    const body = expectErrorContract(over, 400);
    expect(body.error.message).toContain(`at most ${MAX_BATCH_CALLS} calls; this one carries 11`);
    const within = await send('GET', `/trpc/${batchOf('auth.me', MAX_BATCH_CALLS)}?batch=1`, {
      headers: { cookie: cookies.agent },
    });
    expect(within.status).toBe(200);
    expect(JSON.parse(within.text)).toHaveLength(MAX_BATCH_CALLS);
  });

  it('refuse a batch of 900 mutations before any of them runs', async () => {
    const refused = await send('POST', `/trpc/${batchOf('queues.next', 900)}?batch=1`, {
      headers: { ...json, cookie: cookies.otherAgent },
      body: '{}',
    });
    expect(expectErrorContract(refused, 400).error.message).toContain('carries 900');
    // None of the 900 ran: the agent's whole burst of next-case presses is still there.
    const presses = await send('POST', `/trpc/${batchOf('queues.next', NEXT_CASE_RATE.burst)}?batch=1`, {
      headers: { ...json, cookie: cookies.otherAgent },
      body: '{}',
    });
    expect(presses.status, presses.text).toBe(200);
    expect(JSON.parse(presses.text)).toHaveLength(NEXT_CASE_RATE.burst);
  });
});

describe('next case', () => {
  // As the dashboard sends it: a batch of one, its void input left out.
  const press = (cookie: string, at = base) =>
    send('POST', '/trpc/queues.next?batch=1', { headers: { ...json, cookie }, body: '{}', at });

  it('answers 429 with the time to retry beyond the burst, shared by every server instance', async () => {
    clock = new Date('2026-11-11T12:00:00Z');
    // The burst, pressed at one instant on two server instances alike.
    for (let i = 0; i < NEXT_CASE_RATE.burst; i++) {
      expect((await press(cookies.agent, i % 2 === 0 ? base : secondBase)).status).toBe(200);
    }
    const refused = await press(cookies.agent, secondBase);
    const body = expectErrorContract(refused, 429) as unknown as {
      error: { message: string; data: { appCode: string; details: { retryAfterSeconds: number } } };
    };
    expect(body.error.data.appCode).toBe('TOO_MANY_ATTEMPTS');
    expect(body.error.message).toBe('Next case was pressed too often. Try again in 4 seconds.');
    expect(body.error.data.details.retryAfterSeconds).toBe(4);
    expect(refused.headers['retry-after']).toBe('4');
    // Another agent is not held up by this one.
    expect((await press(cookies.otherAgent)).status).toBe(200);
    // Once the interval has passed, one more press goes through, and only one.
    clock = new Date(clock.getTime() + NEXT_CASE_RATE.intervalMs);
    expect((await press(cookies.agent)).status).toBe(200);
    expect((await press(cookies.agent)).status).toBe(429);
  });

  it('lets exactly the burst through when presses race on many connections', async () => {
    clock = new Date('2026-11-11T18:00:00Z');
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => press(cookies.otherAgent, i % 2 === 0 ? base : secondBase)),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses.filter((status) => status === 200)).toHaveLength(NEXT_CASE_RATE.burst);
    expect(statuses.filter((status) => status === 429)).toHaveLength(20 - NEXT_CASE_RATE.burst);
  });

  it("lets a person's pace through: a press every few seconds all day long", async () => {
    clock = new Date('2026-11-11T15:00:00Z');
    for (let i = 0; i < 30; i++) {
      clock = new Date(clock.getTime() + NEXT_CASE_RATE.intervalMs);
      const answer = await press(cookies.agent, i % 2 === 0 ? base : secondBase);
      expect(answer.status, answer.text).toBe(200);
    }
  });
});

/**
 * Sends headers announcing `declared` bytes (or chunked when null) and keeps writing until the server answers:
 * resolves with the answer and how much was written by then. A server that reads the body whole never answers
 * before the writer gives up at `giveUpAfter` bytes (without ending the body).
 */
function sendOversized(
  url: string,
  declared: number | null,
  headers: Record<string, string> = {},
  giveUpAfter = 16 * 1024 * 1024,
  at = base,
): Promise<{ answer: Answer | null; written: number; ms: number }> {
  return new Promise((resolve) => {
    const started = performance.now();
    const target = new URL(at);
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let written = 0;
    let done = false;
    const finish = (answer: Answer | null) => {
      if (done) return;
      done = true;
      req.destroy();
      resolve({ answer, written, ms: performance.now() - started });
    };
    const req = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: 'POST',
        path: url,
        agent: false,
        headers: {
          ...json,
          ...headers,
          ...(declared === null
            ? { 'transfer-encoding': 'chunked' }
            : { 'content-length': String(declared) }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          finish({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    req.on('error', () => {
      // The server closing after its answer may break the upload; the answer (if any) has been handled.
    });
    req.write('{"email":"');
    const pump = () => {
      while (!done && written < giveUpAfter) {
        written += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!done) setTimeout(() => finish(null), 3_000);
    };
    pump();
  });
}

describe('request bodies', () => {
  it('refuses a body announced larger than the limit before reading it, signed out', async () => {
    const { answer, written, ms } = await sendOversized('/trpc/auth.signIn', 100 * 1024 * 1024);
    expect(answer, 'no answer before the upload gave up').not.toBeNull();
    const body = expectErrorContract(answer!, 413);
    expect(body.error.message).toBe('The request body is too large: at most 1 MB.');
    expect(written).toBeLessThan(16 * 1024 * 1024);
    expect(ms).toBeLessThan(5_000);
  });

  it('stops reading a chunked body once it passes the limit', async () => {
    const { answer, written } = await sendOversized('/trpc/auth.signIn', null);
    expect(answer, 'no answer before the upload gave up').not.toBeNull();
    expectErrorContract(answer!, 413);
    expect(written).toBeLessThan(16 * 1024 * 1024);
  });

  it('holds the limit for a signed-in agent too', async () => {
    const note = JSON.stringify({
      caseId: crypto.randomUUID(),
      body: 'x'.repeat(1_100_000),
      expectedVersion: 1,
    });
    const answer = await send('POST', '/trpc/casework.addNote', {
      headers: { ...json, cookie: cookies.agent },
      body: note,
    });
    expectErrorContract(answer, 413);
    const { answer: chunked } = await sendOversized('/trpc/casework.addNote', null, {
      cookie: cookies.agent,
    });
    expectErrorContract(chunked!, 413);
  });

  it('gives the placement file its larger limit, for an admin only', async () => {
    const preview = JSON.stringify({
      portfolioId: 'not-a-uuid',
      fileName: 'big.csv',
      csv: `account_ref\n${'A-1\n'.repeat(750_000)}`,
    });
    expect(preview.length).toBeGreaterThan(3_000_000);
    const asAdmin = await send('POST', '/trpc/placements.preview', {
      headers: { ...json, cookie: cookies.admin },
      body: preview,
    });
    // Read and judged by the contract: the body got through.
    expect(expectErrorContract(asAdmin, 400).error.message).toMatch(/^portfolioId/);
    const asAgent = await send('POST', '/trpc/placements.preview', {
      headers: { ...json, cookie: cookies.agent },
      body: preview,
    });
    expectErrorContract(asAgent, 413);
    const signedOut = await send('POST', '/trpc/placements.preview', { headers: json, body: preview });
    expectErrorContract(signedOut, 413);
    const { answer } = await sendOversized('/trpc/placements.preview', 200 * 1024 * 1024, {
      cookie: cookies.admin,
    });
    expect(expectErrorContract(answer!, 413).error.message).toContain('pnpm placements:import');
  });

  it('refuses bodies that are not plain JSON in UTF-8', async () => {
    const signIn = JSON.stringify({ email: 'edge.agent@example.test', password: TEST_PASSWORD });
    expectErrorContract(
      await send('POST', '/trpc/auth.signIn', { headers: { 'content-type': 'text/plain' }, body: signIn }),
      415,
    );
    expectErrorContract(
      await send('POST', '/trpc/auth.signIn', {
        headers: { 'content-type': 'multipart/form-data' },
        body: 'x',
      }),
      415,
    );
    expectErrorContract(
      await send('POST', '/trpc/auth.signIn', {
        headers: { ...json, 'content-encoding': 'gzip' },
        body: signIn,
      }),
      415,
    );
    expectErrorContract(
      await send('POST', '/trpc/auth.signIn', { headers: json, body: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]) }),
      400,
    );
    expectErrorContract(await send('POST', '/trpc/auth.signIn', { headers: json, body: '{"email": ' }), 400);
    expectErrorContract(await send('POST', '/trpc/auth.signIn', { headers: json }), 400);
  });
});

describe('malformed requests answer 4xx in the JSON error contract', () => {
  const signInBody = JSON.stringify({ email: 'edge.agent@example.test', password: TEST_PASSWORD });

  it.each(['null', 'garbage', 'http://', 'https://evil.example'])(
    'refuses a POST from Origin %s',
    async (origin) => {
      const answer = await send('POST', '/trpc/auth.signIn', {
        headers: { ...json, origin },
        body: signInBody,
      });
      expect(expectErrorContract(answer, 403).error.message).toBe('Cross-site request refused.');
    },
  );

  it('accepts a POST from its own origin and a GET whatever its Origin', async () => {
    const own = await send('POST', '/trpc/auth.signIn', {
      headers: { ...json, origin: base, host: new URL(base).host },
      body: signInBody,
    });
    expect(own.status).toBe(200);
    const query = await send('GET', '/trpc/auth.me', {
      headers: { origin: 'garbage', cookie: cookies.agent },
    });
    expect(query.status).toBe(200);
  });

  it('answers bad percent-encoding with 400', async () => {
    expectErrorContract(await send('GET', '/%E0%A4%A'), 400);
    expectErrorContract(await send('GET', '/trpc/%E0%A4%A'), 400);
    expectErrorContract(await send('POST', '/trpc/auth.%E0%A4%A', { headers: json, body: '{}' }), 400);
    expectErrorContract(await send('GET', '/api/%E0%A4%A'), 404);
  });

  it('answers absurd query strings with 4xx', async () => {
    const me = { cookie: cookies.agent };
    expectErrorContract(await send('GET', '/trpc/cases.list?input=not-json', { headers: me }), 400);
    expectErrorContract(await send('GET', '/trpc/cases.list?batch=1&input=%7B%7D%7D', { headers: me }), 400);
    const nested = encodeURIComponent(`{"0":${'['.repeat(1_500)}${']'.repeat(1_500)}}`);
    expectErrorContract(await send('GET', `/trpc/cases.list?batch=1&input=${nested}`, { headers: me }), 400);
    const wide = encodeURIComponent(JSON.stringify({ 0: { page: 1, search: 'x'.repeat(10_000) } }));
    const answer = await send('GET', `/trpc/cases.list?batch=1&input=${wide}`, { headers: me });
    expect(answer.status).toBeLessThan(500);
    // Refused by tRPC before any procedure runs: JSON too.
    expectErrorContract(await send('GET', '/trpc/auth.me?connectionParams=x', { headers: me }), 400);
    expectErrorContract(
      await send('GET', '/trpc/auth.me', { headers: { ...me, 'trpc-accept': 'application/jsonl' } }),
      400,
    );
    expectErrorContract(
      await send('GET', '/trpc/auth.me', { headers: { ...me, 'content-type': 'multipart/form-data' } }),
      405,
    );
    // Past Node's header limit (16 KB) Node itself answers 431, before any of the app runs: no body, no HTML.
    const huge = await send('GET', `/trpc/cases.list?batch=1&input=${'x'.repeat(20_000)}`, { headers: me });
    expect(huge.status).toBe(431);
    expect(huge.text).toBe('');
    // Repeated batch flags do not slip past the batch cap.
    expectErrorContract(
      await send('GET', `/trpc/${batchOf('auth.me', 11)}?batch=1&batch=0`, { headers: me }),
      400,
    );
  });

  it('answers HEAD and OPTIONS without an error', async () => {
    expect((await send('HEAD', '/trpc/auth.me')).status).toBeLessThan(300);
    expect((await send('HEAD', '/healthz')).status).toBe(200);
    const options = await send('OPTIONS', '/trpc/auth.signIn');
    expect(options.status).toBe(204);
    expect(options.headers.allow).toBe('GET, HEAD, POST, OPTIONS');
  });

  it.each(['PUT', 'PATCH', 'DELETE'])('answers %s on the API with 405', async (method) => {
    const answer = await send(method, '/trpc/auth.signIn', { headers: json, body: signInBody });
    expectErrorContract(answer, 405);
    expect(answer.headers.allow).toBe('GET, HEAD, POST, OPTIONS');
  });

  it('answers unknown API addresses with a JSON 404 and serves the dashboard elsewhere', async () => {
    expectErrorContract(await send('GET', '/api/cases'), 404);
    expectErrorContract(await send('POST', '/api/cases', { headers: json, body: '{}' }), 404);
    expectErrorContract(await send('GET', '/trpc/cases.nothingHere'), 404);
    expectErrorContract(await send('DELETE', '/queue'), 404);
    const page = await send('GET', '/queue');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<title>ArrearsDesk</title>');
  });

  // Last of the file: it closes the test database.
  it('answers a failure that reaches Express in the contract, its words kept in the log', async () => {
    // The database goes away under the server: the session look-up before a large upload fails in Express. On
    // the server that is a connection ended, which says "try again" with 503 (decision record 016); a closed
    // PGlite is no outage that passes, so it is an internal error there.
    await closeDatabase();
    const { answer } = await sendOversized('/trpc/placements.preview', null, { cookie: cookies.admin }, 2e6);
    if (usingServer()) {
      const body = expectErrorContract(answer!, 503);
      expect(body.error.message).toMatch(/^The database is not answering right now\./);
      expect(answer!.headers['retry-after']).toBe('2');
    } else {
      const body = expectErrorContract(answer!, 500);
      expect(body.error.message).toBe(
        'Something went wrong on our side. Nothing was changed; please try again.',
      );
    }
  });
});
