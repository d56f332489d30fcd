import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/client.ts';
import { buildAgency, buildUser, buildWorkedCase, key, TEST_PASSWORD } from './support/builders.ts';
import { createTestDatabase } from './support/db.ts';
import { type HttpApp, startHttpApp } from './support/http-app.ts';

/**
 * The input contract over HTTP (decision 019): text the database cannot hold, ids in upper case and dates out of
 * any sane range are settled by the shared primitives — a 400 naming the field, or the id normalized — never a 500.
 */
let handle: DatabaseHandle;
let http: HttpApp;

beforeAll(async () => {
  handle = await createTestDatabase();
  http = await startHttpApp(handle.db);
});
afterAll(async () => {
  await http.close();
  await handle.close();
});

/** A case worked by a signed-in agent. */
async function workedCase() {
  const world = await buildWorkedCase(handle.db);
  return { ...world, cookie: await http.signIn(world.agent.email, TEST_PASSWORD) };
}

interface ErrorBody {
  error: { message: string; data: { appCode: string; fieldErrors: Record<string, string[]> } };
}

describe('text the database cannot hold', () => {
  it.each([
    ['a NUL character', 'Asked for\u0000 a plan'],
    ['a lone surrogate', 'Asked for \uD83D a plan'],
    ['a lone low surrogate', 'Asked for \uDC00 a plan'],
    ['a control character', 'Asked for\u001B a plan'],
  ])('refuses %s in a note with 400 naming the field', async (_what, body) => {
    const { caseRow, cookie } = await workedCase();
    const res = await http.call(
      'casework.addNote',
      'mutation',
      { caseId: caseRow.id, body, idempotencyKey: key() },
      { cookie },
    );
    expect(res.status).toBe(400);
    const { error } = res.json as ErrorBody;
    expect(error.data.appCode).toBe('INVALID_INPUT');
    expect(error.message).toBe('body: contains a character that is not allowed');
    expect(Object.keys(error.data.fieldErrors)).toEqual(['body']);
  });

  it('keeps line breaks and tabs in a note, and stores it NFC-normalized and trimmed', async () => {
    const { caseRow, cookie } = await workedCase();
    const res = await http.call(
      'casework.addNote',
      'mutation',
      { caseId: caseRow.id, body: '  Cafe\u0301 visit:\n\tcall back  ', idempotencyKey: key() },
      { cookie },
    );
    expect(res.status).toBe(200);
    const timeline = await http.call('casework.timeline', 'query', { caseId: caseRow.id }, { cookie });
    const items = (timeline.json as { result: { data: { items: Array<{ type: string; detail: unknown }> } } })
      .result.data.items;
    expect(items.find((item) => item.type === 'note')?.detail).toEqual({
      body: 'Caf\u00e9 visit:\n\tcall back',
    });
  });

  it('refuses a line break in a single-line field (the attorney name)', async () => {
    const { caseRow, cookie } = await workedCase();
    const res = await http.call(
      'casework.recordAttorney',
      'mutation',
      { caseId: caseRow.id, name: 'R.\nCounsel', contact: '+1 212 555 0100', idempotencyKey: key() },
      { cookie },
    );
    expect(res.status).toBe(400);
    expect((res.json as ErrorBody).error.message).toBe('name: contains a character that is not allowed');
  });
});

describe('ids in upper case', () => {
  it.each([
    [
      'recordCease',
      (caseId: string) => ({ caseId, receivedAt: new Date(Date.now() - 3_600_000).toISOString() }),
    ],
    ['recordAttorney', (caseId: string) => ({ caseId, name: 'R. Counsel', contact: '+1 212 555 0100' })],
    [
      'recordBankruptcy',
      (caseId: string) => ({ caseId, filedAt: new Date(Date.now() - 3_600_000).toISOString() }),
    ],
    ['recordDeath', (caseId: string) => ({ caseId })],
    ['recordOptOut', (caseId: string) => ({ caseId, channel: 'sms' })],
  ])('casework.%s works on a case id in upper case', async (procedure, input) => {
    const { caseRow, cookie } = await workedCase();
    const res = await http.call(
      `casework.${procedure}`,
      'mutation',
      { ...input(caseRow.id.toUpperCase()), idempotencyKey: key() },
      {
        cookie,
      },
    );
    expect(res.status).toBe(200);
  });

  it('casework.revokeConsent works on a case id and a contact point id in upper case', async () => {
    const { caseRow, mobile, cookie } = await workedCase();
    const res = await http.call(
      'casework.revokeConsent',
      'mutation',
      { caseId: caseRow.id.toUpperCase(), contactPointId: mobile.id.toUpperCase(), idempotencyKey: key() },
      { cookie },
    );
    expect(res.status).toBe(200);
  });
});

describe('dates out of range', () => {
  let supervisorCookie: string;
  beforeAll(async () => {
    const supervisor = await buildUser(handle.db, 'supervisor');
    supervisorCookie = await http.signIn(supervisor.email, TEST_PASSWORD);
    await buildAgency(handle.db);
  });

  it.each([
    ['year 0000', '0000-01-01T00:00:00Z'],
    ['year 9999', '9999-12-31T23:59:59Z'],
    ['a year before 1900', '1899-12-31T23:59:59Z'],
  ])('refuses a placements cursor in %s with 400', async (_what, placedAt) => {
    const res = await http.call(
      'agencies.placements',
      'query',
      { after: { placedAt, id: '6f9619ff-8b86-4d11-b42d-00c04fc964ff' } },
      { cookie: supervisorCookie },
    );
    expect(res.status).toBe(400);
    expect((res.json as ErrorBody).error.message).toBe(
      'after.placedAt: after.placedAt must fall between the years 1900 and 2200',
    );
  });

  it('accepts a placements cursor in range, its id in upper case', async () => {
    const res = await http.call(
      'agencies.placements',
      'query',
      { after: { placedAt: '2026-11-11T17:00:00Z', id: '6F9619FF-8B86-4D11-B42D-00C04FC964FF' } },
      { cookie: supervisorCookie },
    );
    expect(res.status).toBe(200);
  });

  it.each([
    ['2026-02-30', 'dueDate: dueDate must be a date that exists: 2026-02-30 does not exist'],
    ['2027-02-29', 'dueDate: dueDate must be a date that exists: 2027-02-29 does not exist'],
    ['0000-01-01', 'dueDate: dueDate must fall between the years 1900 and 2200'],
    ['2026-13-01', 'dueDate: dueDate must be a date like 2026-11-30'],
  ])('refuses the promise date %s with 400 saying why', async (dueDate, message) => {
    const { caseRow, cookie } = await workedCase();
    const res = await http.call(
      'payments.recordPromise',
      'mutation',
      { caseId: caseRow.id, amountMinor: 5000, currency: 'USD', dueDate, idempotencyKey: key() },
      { cookie },
    );
    expect(res.status).toBe(400);
    expect((res.json as ErrorBody).error.message).toBe(message);
  });

  it('refuses a forged timeline cursor in year 0000', async () => {
    const { caseRow, cookie } = await workedCase();
    const cursor = Buffer.from(JSON.stringify(['0000-01-01T00:00:00Z', 'note', 'abc'])).toString('base64url');
    const res = await http.call('casework.timeline', 'query', { caseId: caseRow.id, cursor }, { cookie });
    expect(res.status).toBe(400);
    expect((res.json as ErrorBody).error.message).toBe('cursor: not a cursor this timeline handed out');
  });

  it('refuses an audit cursor whose row id is past any integer, and one whose instant is no instant', async () => {
    const manager = await buildUser(handle.db, 'manager');
    const cookie = await http.signIn(manager.email, TEST_PASSWORD);
    for (const cursor of ['2026-11-11T17:00:00.000000Z|99999999999999999999', '2026-11-11T::::Z|1']) {
      const res = await http.call(
        'oversight.list',
        'query',
        { kind: 'decisions', from: '2026-11-01', to: '2026-11-11', cursor },
        { cookie },
      );
      expect(res.status).toBe(400);
      expect((res.json as ErrorBody).error.message).toBe('cursor: cursor must be a nextCursor of this list');
    }
  });
});
