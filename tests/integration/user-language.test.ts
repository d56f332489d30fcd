import { renderErrorMessage } from '@arrears/shared/errors/messages';
import { type ApiError, apiError } from '@arrears/shared/schemas/api-error';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as s from '../../server/src/db/schema/index.ts';
import { DEMO_PASSWORD } from '../../server/src/db/seed/demo-users.ts';
import { insertReferenceData } from '../../server/src/db/seed/reference-data.ts';
import { hashPassword } from '../../server/src/modules/auth/password.ts';
import { buildUser, TEST_PASSWORD } from './support/builders.ts';
import { asOwner, createTestDatabase, type TestDatabase } from './support/db.ts';
import { type HttpApp, startHttpApp } from './support/http-app.ts';

/**
 * A user's own dashboard language (`users.language`, `auth.setLanguage`) and the refusals that say, beside their
 * English, which message of the shared catalogue they are and with what parameters.
 */
let handle: TestDatabase;
let http: HttpApp;

beforeAll(async () => {
  handle = await createTestDatabase();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await asOwner(handle, (owner) => insertReferenceData(owner, passwordHash));
  http = await startHttpApp(handle.db);
});
afterAll(async () => {
  await http?.close();
  await handle?.close();
});

const refusalOf = (json: unknown): ApiError => apiError.parse((json as { error: unknown }).error);
const languageOf = async (userId: string) =>
  (await handle.db.select({ language: s.users.language }).from(s.users).where(eq(s.users.id, userId)))[0]
    ?.language;

describe('the language a user starts in', () => {
  it.each([
    ['li.wei@arrearsdesk.demo', 'zh'],
    ['zhang.min@arrearsdesk.demo', 'zh'],
    ['mei@arrearsdesk.demo', 'zh'],
    ['alice@arrearsdesk.demo', 'en'],
    ['morgan@arrearsdesk.demo', 'en'],
  ])('%s starts in %s, and `me` says so', async (email, language) => {
    const cookie = await http.signIn(email, DEMO_PASSWORD);
    const me = await http.call('auth.me', 'query', undefined, { cookie });
    expect(me.json).toMatchObject({ result: { data: { email, language } } });
  });
});

describe('auth.setLanguage', () => {
  it('changes the caller’s own language, answers the user as `me` would and audits the change', async () => {
    const agent = await buildUser(handle.db, 'agent');
    const cookie = await http.signIn(agent.email, TEST_PASSWORD);
    const answer = await http.call('auth.setLanguage', 'mutation', { language: 'zh' }, { cookie });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ result: { data: { id: agent.id, language: 'zh' } } });
    const me = await http.call('auth.me', 'query', undefined, { cookie });
    expect(me.json).toMatchObject({ result: { data: { language: 'zh' } } });

    const audit = await handle.db
      .select()
      .from(s.auditEvents)
      .where(eq(s.auditEvents.action, 'auth.set_language'));
    expect(audit).toEqual([
      expect.objectContaining({
        actorId: agent.id,
        entityType: 'user',
        entityId: agent.id,
        before: { language: 'en' },
        after: { language: 'zh' },
      }),
    ]);

    // Back to English; choosing the language one already has changes nothing and writes nothing.
    await http.call('auth.setLanguage', 'mutation', { language: 'en' }, { cookie });
    await http.call('auth.setLanguage', 'mutation', { language: 'en' }, { cookie });
    expect(await languageOf(agent.id)).toBe('en');
    const after = await handle.db.select().from(s.auditEvents).where(eq(s.auditEvents.entityId, agent.id));
    expect(after.filter((event) => event.action === 'auth.set_language')).toHaveLength(2);
  });

  it('refuses to change another user’s language: a request naming a user is bad input', async () => {
    const agent = await buildUser(handle.db, 'agent');
    const other = await buildUser(handle.db, 'supervisor');
    const cookie = await http.signIn(agent.email, TEST_PASSWORD);
    const answer = await http.call(
      'auth.setLanguage',
      'mutation',
      { language: 'zh', userId: other.id },
      { cookie },
    );
    expect(answer.status).toBe(400);
    const { data } = refusalOf(answer.json);
    expect(data.appCode).toBe('INVALID_INPUT');
    expect(data.fieldMessages.input).toEqual([
      { code: 'input.unrecognizedKeys', params: { keys: 'userId' } },
    ]);
    expect(await languageOf(other.id)).toBe('en');
    expect(await languageOf(agent.id)).toBe('en');
  });

  it('answers a signed-out caller 401 with its code', async () => {
    const answer = await http.call('auth.setLanguage', 'mutation', { language: 'zh' });
    expect(answer.status).toBe(401);
    expect(refusalOf(answer.json).data).toMatchObject({
      messageCode: 'auth.signInRequired',
      messageParams: {},
    });
  });

  it.each([
    ['an unknown language', { language: 'fr' }],
    ['a language in capitals', { language: 'ZH' }],
    ['a locale', { language: 'zh-CN' }],
    ['no language', {}],
    ['null', { language: null }],
    ['a number', { language: 1 }],
    ['an array', { language: ['zh'] }],
    ['an object', { language: { toString: 'zh' } }],
    ['a NUL character', { language: 'zh\u0000' }],
    ['a lone surrogate', { language: '\uD800' }],
    ['a huge text', { language: 'z'.repeat(100_000) }],
    ['not an object', 'zh'],
    ['deep nesting', { language: JSON.parse(`${'['.repeat(800)}${']'.repeat(800)}`) }],
  ])('refuses %s with a 4xx that follows the error contract', async (_name, input) => {
    const agent = await buildUser(handle.db, 'agent');
    const cookie = await http.signIn(agent.email, TEST_PASSWORD);
    const answer = await http.call('auth.setLanguage', 'mutation', input, { cookie });
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    const { data } = refusalOf(answer.json);
    expect(data.appCode).toBe('INVALID_INPUT');
    expect(Object.values(data.fieldMessages).flat().length).toBeGreaterThan(0);
    expect(await languageOf(agent.id)).toBe('en');
  });
});

describe('a refusal carries its message by code', () => {
  it('a role refusal names the roles that may, which the dashboard words in Chinese', async () => {
    const cookie = await http.signIn('li.wei@arrearsdesk.demo', DEMO_PASSWORD);
    const answer = await http.call('reports.portfolios', 'query', undefined, { cookie });
    expect(answer.status).toBe(403);
    const refusal = refusalOf(answer.json);
    expect(refusal.data).toMatchObject({
      appCode: 'FORBIDDEN',
      messageCode: 'auth.roleRequired',
      messageParams: { roles: 'manager,admin' },
    });
    expect(refusal.message).toBe('This needs the role manager or admin.');
    expect(renderErrorMessage({ code: 'auth.roleRequired', params: refusal.data.messageParams }, 'zh')).toBe(
      '此操作需要经理或管理员角色。',
    );
  });

  it('a bad field carries its Zod problem by code and parameters, beside the schema’s English', async () => {
    const cookie = await http.signIn('mei@arrearsdesk.demo', DEMO_PASSWORD);
    const answer = await http.call('cases.list', 'query', { filter: { search: 'x' } }, { cookie });
    expect(answer.status).toBe(400);
    const { message, data } = refusalOf(answer.json);
    expect(message).toBe('filter.search: Type at least 2 characters');
    expect(data).toMatchObject({
      messageCode: 'input.invalidField',
      messageParams: { field: 'filter.search', problem: 'Type at least 2 characters' },
      fieldErrors: { 'filter.search': ['Type at least 2 characters'] },
      fieldMessages: {
        'filter.search': [
          { code: 'input.tooSmall', params: { origin: 'string', minimum: 2, inclusive: 'true' } },
        ],
      },
    });
  });

  it('a case out of reach is NOT_FOUND by code', async () => {
    const cookie = await http.signIn('alice@arrearsdesk.demo', DEMO_PASSWORD);
    const caseId = '00000000-0000-4000-8000-000000000000';
    const answer = await http.call('casework.get', 'query', { caseId }, { cookie });
    expect(answer.status).toBe(404);
    expect(refusalOf(answer.json).data).toMatchObject({ messageCode: 'case.notFound', messageParams: {} });
  });
});
