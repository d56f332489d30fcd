import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { and, count, eq } from 'drizzle-orm';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/src/app.ts';
import type { DatabaseHandle } from '../../server/src/db/client.ts';
import {
  auditEvents,
  complianceDecisions,
  contactLog,
  dialReservations,
  supervisorAlerts,
} from '../../server/src/db/schema/index.ts';
import { dialerRouter } from '../../server/src/modules/integrations/dialer.http.ts';
import { DIALER_BASE, DIALER_ROUTES } from '../../server/src/modules/integrations/openapi.ts';
import { buildContact, buildTeam, buildUser, buildWorkedCase } from './support/builders.ts';
import { callerFor } from './support/caller.ts';
import { createTestDatabase } from './support/db.ts';

/**
 * The dialer's door over real HTTP against the Express app (issue 18, item 5): pre-dial checks judged by the guard
 * with a reservation under the debtor's lock, dial results recorded once, revoked keys refused, hostile input
 * refused with message codes, and every answer valid against the generated OpenAPI document.
 */
const NOW = new Date('2026-11-11T17:00:00Z'); // Wednesday 12:00 in New York
const day = (d: number) => new Date(Date.UTC(2026, 10, d, 15)); // 10:00 in New York

let handle: DatabaseHandle;
let server: Server;
let base: string;
let clock = NOW;
let openApi: Record<string, unknown>;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);

beforeAll(async () => {
  handle = await createTestDatabase({ poolSize: 12 });
  const app = createApp({
    db: handle.db,
    sessionTtlHours: 12,
    cookieSecure: false,
    clientDist: '/nonexistent',
    now: () => clock,
  });
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}${DIALER_BASE}`;
  openApi = (await (await fetch(`${base}/openapi.json`)).json()) as Record<string, unknown>;
  ajv.addSchema({ ...openApi, $id: 'dialer-openapi' });
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await handle.close();
});

/** The answer must match the document: the route's 200 schema, or the error schema. */
function expectDocumented(path: string, status: number, body: unknown) {
  const operation = (openApi.paths as Record<string, { post: { responses: Record<string, unknown> } }>)[path]!
    .post;
  const response = operation.responses[String(status)] as
    | { content: { 'application/json': { schema: { $ref: string } } } }
    | undefined;
  expect(response, `status ${status} of ${path} is documented`).toBeDefined();
  const ref = response!.content['application/json'].schema.$ref;
  const validate = ajv.getSchema(`dialer-openapi${ref}`)!;
  expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
}

/** A JSON answer, read loosely: the document's schema has checked its shape already. */
// biome-ignore lint/suspicious/noExplicitAny: each test reads the fields it pins
type Answer = Record<string, any>;

async function post(path: string, key: string | null, body: unknown, raw?: string) {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: raw ?? JSON.stringify(body),
  });
  const json = (await res.json()) as Answer;
  expectDocumented(path, res.status, json);
  return { status: res.status, json, headers: res.headers };
}

async function keyFor(teamIds: string[]) {
  const admin = await buildUser(handle.db, 'admin');
  const created = await callerFor(handle.db, admin, { now: NOW }).caller.integrations.create({
    name: 'Test dialer',
    teamIds,
  });
  return { admin, ...created };
}

/** A New York debtor with `calls` unanswered calls this week, and a key of the case's team. */
async function calledCase(calls: number) {
  const worked = await buildWorkedCase(handle.db);
  for (const d of [5, 6, 7, 8, 9, 10].slice(0, calls)) {
    await buildContact(handle.db, worked.caseRow, { occurredAt: day(d), contactPointId: worked.mobile.id });
  }
  const { key, view, admin } = await keyFor([worked.team.id]);
  return { ...worked, key, keyView: view, admin };
}

const check = (key: string, caseId: string, contactPointId: string) =>
  post('/checks', key, { caseId, contactPointId, mode: 'manual' });

describe('pre-dial checks', () => {
  it('refuses a number at its weekly cap with US-REGF-7IN7, its reason and the next allowed instant', async () => {
    const { caseRow, mobile, key } = await calledCase(6);
    await buildContact(handle.db, caseRow, {
      occurredAt: new Date('2026-11-11T14:00:00Z'),
      contactPointId: mobile.id,
    });
    const { status, json } = await check(key, caseRow.id, mobile.id);
    expect(status).toBe(200);
    expect(json.allowed).toBe(false);
    const rule = json.violations.find((v: { ruleId: string }) => v.ruleId === 'US-REGF-7IN7');
    expect(rule).toMatchObject({ code: 'callCapReached', params: { made: 7, max: 7 } });
    expect(rule.text.en).toMatch(/7/);
    expect(rule.text.zh).toMatch(/7/);
    expect(Date.parse(json.nextAllowedAt)).toBeGreaterThan(NOW.getTime());
    const [decision] = await handle.db
      .select()
      .from(complianceDecisions)
      .where(eq(complianceDecisions.id, json.decisionId));
    expect(decision).toMatchObject({ outcome: 'blocked', actorId: null, actionKind: 'call' });
  });

  it('lets exactly one of two concurrent checks take the last call of the week', async () => {
    const { caseRow, mobile, key } = await calledCase(6);
    const answers = await Promise.all([check(key, caseRow.id, mobile.id), check(key, caseRow.id, mobile.id)]);
    expect(answers.map((a) => a.json.allowed).sort()).toEqual([false, true]);
    const refused = answers.find((a) => !a.json.allowed)!;
    expect(refused.json.violations.map((v: { ruleId: string }) => v.ruleId)).toContain('US-REGF-7IN7');
    const reservations = await handle.db
      .select({ n: count() })
      .from(dialReservations)
      .where(eq(dialReservations.caseId, caseRow.id));
    expect(reservations[0]!.n).toBe(1);
  });

  it('counts a reservation only while it is live: once lapsed, the number may be dialled again', async () => {
    const { caseRow, mobile, key } = await calledCase(6);
    expect((await check(key, caseRow.id, mobile.id)).json.allowed).toBe(true);
    expect((await check(key, caseRow.id, mobile.id)).json.allowed).toBe(false);
    clock = new Date(NOW.getTime() + 61_000);
    try {
      expect((await check(key, caseRow.id, mobile.id)).json.allowed).toBe(true);
    } finally {
      clock = NOW;
    }
  });

  it("answers NOT_FOUND for a case outside the key's teams", async () => {
    const { caseRow, mobile } = await calledCase(0);
    const other = await keyFor([(await buildTeam(handle.db)).id]);
    const { status, json } = await check(other.key, caseRow.id, mobile.id);
    expect(status).toBe(404);
    expect(json.error.data.messageCode).toBe('case.notFound');
  });
});

describe('dial results', () => {
  it('records a replayed result once and answers the replay the same', async () => {
    const { caseRow, mobile, key } = await calledCase(2);
    const allowed = await check(key, caseRow.id, mobile.id);
    expect(allowed.json.allowed).toBe(true);
    const result = {
      callId: 'call-0001',
      caseId: caseRow.id,
      contactPointId: mobile.id,
      mode: 'manual',
      reservationId: allowed.json.reservationId,
      outcome: 'conversation',
      startedAt: '2026-11-11T17:00:05Z',
      endedAt: '2026-11-11T17:03:05Z',
    };
    const first = await post('/results', key, result);
    const second = await post('/results', key, result);
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ reservation: 'consumed', violations: [], alertId: null });
    expect(second.json).toEqual(first.json);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    const logged = await handle.db.select().from(contactLog).where(eq(contactLog.id, first.json.contactId));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ outcome: 'conversation', durationSeconds: 180, agentId: null });
    const calls = await handle.db
      .select({ n: count() })
      .from(contactLog)
      .where(and(eq(contactLog.caseId, caseRow.id)));
    expect(calls[0]!.n).toBe(3);
    const changed = await post('/results', key, { ...result, outcome: 'no_answer' });
    expect(changed.status).toBe(409);
    expect(changed.json.error.data.messageCode).toBe('dialer.callIdReused');
  });

  it('records a dial made without a live reservation with its violation and alerts the supervisor', async () => {
    const { caseRow, mobile, key, team, supervisor } = await calledCase(6);
    await buildContact(handle.db, caseRow, {
      occurredAt: new Date('2026-11-11T14:00:00Z'),
      contactPointId: mobile.id,
    });
    const { status, json } = await post('/results', key, {
      callId: 'rogue-1',
      caseId: caseRow.id,
      contactPointId: mobile.id,
      mode: 'manual',
      outcome: 'no_answer',
      startedAt: '2026-11-11T16:30:00Z',
    });
    expect(status).toBe(200);
    expect(json.reservation).toBe('none');
    expect(json.violations.map((v: { ruleId: string }) => v.ruleId)).toContain('US-REGF-7IN7');
    const [decision] = await handle.db
      .select()
      .from(complianceDecisions)
      .where(eq(complianceDecisions.id, json.decisionId));
    expect(decision).toMatchObject({ outcome: 'violated', allowed: false });
    expect(decision!.evaluatedAt).toEqual(NOW);
    const [contact] = await handle.db.select().from(contactLog).where(eq(contactLog.id, json.contactId));
    expect(contact).toMatchObject({
      decisionId: json.decisionId,
      occurredAt: new Date('2026-11-11T16:30:00Z'),
    });
    const [alert] = await handle.db
      .select()
      .from(supervisorAlerts)
      .where(eq(supervisorAlerts.id, json.alertId));
    expect(alert).toMatchObject({
      kind: 'dial_without_reservation',
      caseId: caseRow.id,
      teamId: team.id,
      contactId: json.contactId,
    });
    const seen = await callerFor(handle.db, supervisor, { now: NOW }).caller.team.alerts();
    expect(seen[0]).toMatchObject({
      id: json.alertId,
      accountRef: caseRow.accountRef,
      reportedBy: 'Test dialer',
      decisionId: json.decisionId,
    });
    expect(seen[0]!.ruleIds).toContain('US-REGF-7IN7');
    const elsewhere = await buildUser(handle.db, 'supervisor', {
      supervises: [(await buildTeam(handle.db)).id],
    });
    expect(await callerFor(handle.db, elsewhere, { now: NOW }).caller.team.alerts()).toEqual([]);
  });
});

describe('keys', () => {
  it('refuses a revoked key with 401 and audits the refused use', async () => {
    const { caseRow, mobile, key, keyView, admin } = await calledCase(0);
    expect((await check(key, caseRow.id, mobile.id)).status).toBe(200);
    const { keys } = await callerFor(handle.db, admin, { now: NOW }).caller.integrations.list();
    expect(keys.find((k) => k.id === keyView.id)?.lastUsedAt).toBe(NOW.toISOString());
    await callerFor(handle.db, admin, { now: NOW }).caller.integrations.revoke({ keyId: keyView.id });
    const refused = await check(key, caseRow.id, mobile.id);
    expect(refused.status).toBe(401);
    expect(refused.json.error.data.messageCode).toBe('integration.keyRefused');
    const uses = await handle.db
      .select({ action: auditEvents.action, after: auditEvents.after })
      .from(auditEvents)
      .where(eq(auditEvents.entityId, keyView.id))
      .orderBy(auditEvents.id);
    expect(uses.map((u) => u.action)).toEqual([
      'integration.keyCreated',
      'integration.dialCheck',
      'integration.keyRevoked',
      'integration.dialCheck',
    ]);
    expect(uses[3]!.after).toEqual({ outcome: 'UNAUTHENTICATED' });
    expect((await check('adk_not-a-key', caseRow.id, mobile.id)).status).toBe(401);
    expect((await post('/checks', null, { caseId: caseRow.id })).status).toBe(401);
  });

  it('keeps only the hash of a key and shows its prefix', async () => {
    const { key, keyView, admin } = await calledCase(0);
    expect(key.startsWith(keyView.prefix)).toBe(true);
    const listed = await callerFor(handle.db, admin, { now: NOW }).caller.integrations.list();
    expect(JSON.stringify(listed)).not.toContain(key);
    const audit = await handle.db.select().from(auditEvents).where(eq(auditEvents.entityId, keyView.id));
    expect(JSON.stringify(audit)).not.toContain(key);
  });
});

describe('hostile input', () => {
  it('refuses bad requests with 4xx and message codes, never 500', async () => {
    const { caseRow, mobile, key } = await calledCase(0);
    const good = { caseId: caseRow.id, contactPointId: mobile.id, mode: 'manual' };
    const cases: Array<[unknown, number, string, string?]> = [
      [
        { ...good, caseId: `${caseRow.id.slice(0, 10)}\u0000${caseRow.id.slice(11)}` },
        400,
        'input.invalidField',
      ],
      [{ ...good, extra: 1 }, 400, 'input.invalidField', 'input.unrecognizedKeys'],
      [{ ...good, mode: 'robot' }, 400, 'input.invalidField'],
      [[good], 400, 'input.invalidField'],
      [null, 400, 'input.invalidField'],
    ];
    for (const [body, status, code, fieldCode] of cases) {
      const { status: got, json } = await post('/checks', key, body);
      expect({ body, got, code: json.error.data.messageCode }).toEqual({ body, got: status, code });
      if (fieldCode) expect(JSON.stringify(json.error.data)).toContain(fieldCode);
    }
    const upper = await post('/checks', key, { ...good, caseId: caseRow.id.toUpperCase() });
    expect(upper.status).toBe(200);
    const year0 = await post('/results', key, {
      callId: 'y0',
      caseId: caseRow.id,
      contactPointId: mobile.id,
      mode: 'manual',
      outcome: 'no_answer',
      startedAt: '0000-01-01T00:00:00Z',
    });
    expect(year0.status).toBe(400);
    expect((await post('/checks', key, undefined, '{"caseId":')).status).toBe(400);
    const big = await post('/checks', key, undefined, JSON.stringify({ ...good, pad: 'x'.repeat(20_000) }));
    expect(big.status).toBe(413);
    const text = await fetch(`${base}/checks`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${key}` },
      body: 'hello',
    });
    expect(text.status).toBe(415);
  });

  it('limits the requests of one key and says when to come back', async () => {
    // The same router with a burst of 3 a second, on an app of its own: the limit, not its size, is under test.
    const app = express();
    app.use(
      DIALER_BASE,
      dialerRouter({ db: handle.db, now: () => NOW, rate: { burst: 3, intervalMs: 1000 } }),
    );
    const small = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => small.once('listening', resolve));
    try {
      const { key } = await calledCase(0);
      const url = `http://127.0.0.1:${(small.address() as AddressInfo).port}${DIALER_BASE}/checks`;
      const send = () =>
        fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
          body: '{}',
        });
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await send()).status);
      expect(statuses).toEqual([400, 400, 400]);
      const limited = await send();
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('1');
      const body = (await limited.json()) as Answer;
      expectDocumented('/checks', 429, body);
      expect(body.error.data.messageCode).toBe('integration.tooOften');
    } finally {
      await new Promise<void>((resolve) => small.close(() => resolve()));
    }
  });
});

describe('the OpenAPI document', () => {
  it('describes every route the router serves', () => {
    const served = dialerRouter({ db: handle.db, now: () => NOW })
      .stack.flatMap((layer) => (layer.route ? [layer.route.path] : []))
      .filter((path) => path !== '/openapi.json');
    expect(served.sort()).toEqual(
      Object.values(DIALER_ROUTES)
        .map((r) => r.path)
        .sort(),
    );
    expect(Object.keys(openApi.paths as object).sort()).toEqual(served.sort());
    expect(openApi.openapi).toBe('3.1.0');
  });
});
