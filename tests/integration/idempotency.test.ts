import type { Role } from '@arrears/shared/domain/enums';
import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, queryRows } from '../../server/src/db/client.ts';
import { caseNotes, idempotencyKeys, payments } from '../../server/src/db/schema/index.ts';
import {
  IDEMPOTENCY_KEY_TTL_MS,
  pruneIdempotencyKeys,
} from '../../server/src/modules/idempotency/idempotency-keys.ts';
import { idempotent } from '../../server/src/trpc/procedures.ts';
import { appRouter } from '../../server/src/trpc/router.ts';
import { caseworkMatrix } from './matrix/casework.ts';
import { complianceMatrix } from './matrix/compliance.ts';
import { contactsMatrix } from './matrix/contacts.ts';
import { escalationsMatrix } from './matrix/escalations.ts';
import { agenciesMatrix } from './matrix/ladder.ts';
import { lettersMatrix } from './matrix/letters.ts';
import { oversightMatrix } from './matrix/oversight.ts';
import { paymentsMatrix } from './matrix/payments.ts';
import { supervisionMatrix } from './matrix/supervision.ts';
import type { Caller, MatrixRow, MatrixWorld } from './matrix/types.ts';
import { buildMatrixWorld } from './matrix/world.ts';
import { buildWorkedCase, key } from './support/builders.ts';
import { callerFor } from './support/caller.ts';
import { createTestDatabase, usingServer } from './support/db.ts';

/**
 * Decision 022: every procedure that creates something a retry could duplicate takes an idempotency key. A mutation
 * added to the router must land in KEYED (and carry the `idempotent` middleware) or in EXEMPT with its reason.
 */
const KEYED = [
  'casework.revealContact',
  'casework.recordDispute',
  'casework.recordVerificationSent',
  'casework.recordCease',
  'casework.recordAttorney',
  'casework.recordBankruptcy',
  'casework.recordDeath',
  'casework.recordOptOut',
  'casework.revokeConsent',
  'casework.markUndeliverable',
  'casework.recordComplaint',
  'casework.addNote',
  'casework.scheduleCallback',
  'casework.setHold',
  'casework.sendStatement',
  'compliance.override',
  'contacts.logCall',
  'contacts.sendMessage',
  'contacts.contactThirdParty',
  'escalations.request',
  'escalations.decide',
  'escalations.scheduleFieldVisit',
  'escalations.placeWithAgency',
  'escalations.fileLegalAction',
  'agencies.create',
  'agencies.recall',
  'agencies.recordPayment',
  'oversight.review',
  'payments.recordPromise',
  'payments.recordPlan',
  'payments.recordPayment',
  'complaints.assign',
  'complaints.investigate',
  'complaints.resolve',
  'team.reassign',
  'letters.queue',
  'letters.buildBatch',
  'letters.markReturned',
];
const EXEMPT: Record<string, string> = {
  'auth.signIn': 'a retried sign-in opens another session, which expires on its own',
  'auth.signOut': 'signing out twice is signing out once',
  'auth.setLanguage': 'sets the language to the value sent: a replay leaves the same state',
  'agencies.update': 'sets the commission to the value sent: a replay leaves the same state',
  'ladder.updatePolicy': 'sets the policy to the values sent: a replay leaves the same state',
  'reminders.save': 'replaces the strategy, guarded by expectedVersion',
  'channels.classifyReply':
    'a reply is classified once: a replay is refused with reply.alreadyClassified and changes nothing',
  'channels.retry': "queues the message's retry job under a key of its attempt: a replay queues nothing more",
  'integrations.create':
    'the answer is the new key itself, which the idempotency store would keep in clear: a retried create makes a second key the admin sees and can revoke (decision record 045)',
  'integrations.revoke': 'revoking a revoked key leaves it revoked',
  'channels.saveSettings': 'sets the sender and endpoint to the values sent: a replay leaves the same state',
  'rules.updatePortfolioParameters': 'replaces the overrides, guarded by expectedVersion',
  'placements.preview': 'writes nothing',
  'placements.commit': "the file's SHA-256 dedupes: a second commit answers already_imported",
  'queues.next': 'claims a case for the agent; a retry keeps or renews that one claim',
  'queues.release': 'releasing a claim twice is releasing it once',
};
const ROWS: Record<string, MatrixRow> = {
  ...caseworkMatrix,
  ...complianceMatrix,
  ...contactsMatrix,
  ...escalationsMatrix,
  ...agenciesMatrix,
  ...lettersMatrix,
  ...oversightMatrix,
  ...paymentsMatrix,
  ...supervisionMatrix,
};

let handle: DatabaseHandle;
let world: MatrixWorld;
let tables: string[];

beforeAll(async () => {
  handle = await createTestDatabase({ poolSize: 12 });
  world = await buildMatrixWorld(handle.db);
  const rows = await queryRows<{ name: string }>(
    handle.db,
    sql`select tablename as name from pg_tables where schemaname = 'public' order by 1`,
  );
  tables = rows.map((r) => r.name);
});
afterAll(() => handle.close());

/** Rows per table, to see that a replay wrote nothing anywhere. */
async function rowCounts(): Promise<Record<string, number>> {
  const rows = await queryRows<{ name: string; n: number }>(
    handle.db,
    sql.raw(tables.map((t) => `select '${t}' as name, count(*)::int as n from "${t}"`).join(' union all ')),
  );
  return Object.fromEntries(rows.filter((r) => r.name !== 'idempotency_keys').map((r) => [r.name, r.n]));
}

interface Sent {
  path: string;
  input: Record<string, unknown>;
}

/** A caller that notes every call it forwards and may swap the idempotency key, to replay a row's request. */
function recording(caller: Caller, sent: Sent[], keyOverride?: string): Caller {
  const at = (path: string[]): unknown =>
    new Proxy(() => {}, {
      get: (_target, name) => at([...path, String(name)]),
      apply: (_target, _this, [input]: [Record<string, unknown>]) => {
        const forwarded =
          keyOverride && input?.idempotencyKey ? { ...input, idempotencyKey: keyOverride } : input;
        sent.push({ path: path.join('.'), input: forwarded });
        return invoke(caller, path.join('.'), forwarded);
      },
    });
  return at([]) as Caller;
}

function invoke(caller: Caller, path: string, input: unknown): Promise<unknown> {
  let procedure: unknown = caller;
  for (const name of path.split('.')) procedure = (procedure as Record<string, unknown>)[name];
  return (procedure as (i: unknown) => Promise<unknown>)(input);
}

/** The first role the row lets call the procedure. */
function allowedRole(row: MatrixRow): Role {
  return (['agent', 'supervisor', 'admin', 'manager'] as const).find((role) => row.access[role] === 'ok')!;
}

it('keys every mutation of the router or names why it needs no key', () => {
  const procedures = appRouter._def.procedures as unknown as Record<
    string,
    { _def: { type: string; middlewares: unknown[] } }
  >;
  const mutations = Object.keys(procedures).filter((path) => procedures[path]!._def.type === 'mutation');
  expect(mutations.sort()).toEqual([...KEYED, ...Object.keys(EXEMPT)].sort());
  const marker = (idempotent as unknown as { _middlewares: unknown[] })._middlewares[0];
  const carrying = mutations.filter((path) => procedures[path]!._def.middlewares.includes(marker));
  expect(carrying.sort()).toEqual([...KEYED].sort());
});

describe.each(KEYED)('%s', (path) => {
  it('writes once for two calls with one key and answers both alike; another request on the key is CONFLICT', async () => {
    const row = ROWS[path]!;
    const caller = callerFor(handle.db, world.users[allowedRole(row)]).caller;
    const sent: Sent[] = [];
    const first = await row.call(recording(caller, sent), world);
    const request = sent.findLast((s) => s.path === path)!;
    expect(request.input.idempotencyKey).toEqual(expect.any(String));

    const before = await rowCounts();
    expect(await invoke(caller, path, request.input)).toEqual(first);
    expect(await rowCounts()).toEqual(before);

    const again: Sent[] = [];
    const reused = row.call(recording(caller, again, request.input.idempotencyKey as string), world);
    await expect(reused).rejects.toMatchObject({
      code: 'CONFLICT',
      message:
        'idempotencyKey: this key was already used for a different request; a new request needs a new key',
    });
    const other = again.findLast((s) => s.path === path)!;
    expect(other.input).not.toEqual(request.input);
  });
});

async function notesOf(caseId: string): Promise<number> {
  const [row] = await handle.db.select({ n: count() }).from(caseNotes).where(eq(caseNotes.caseId, caseId));
  return row!.n;
}

describe(`duplicates${usingServer() ? ' racing on the PostgreSQL server' : ''}`, () => {
  it('writes one note for ten identical requests sent at once, every one answered with it', async () => {
    const { caseRow, agent } = await buildWorkedCase(handle.db);
    const input = { caseId: caseRow.id, body: 'Debtor asked for a call back', idempotencyKey: key() };
    const results = await Promise.all(
      Array.from({ length: 10 }, () => callerFor(handle.db, agent).caller.casework.addNote(input)),
    );
    for (const result of results) expect(result).toEqual(results[0]);
    expect(await notesOf(caseRow.id)).toBe(1);
  });

  it('records one payment for ten identical requests sent at once', async () => {
    const { caseRow, agent } = await buildWorkedCase(handle.db);
    const input = {
      caseId: caseRow.id,
      amountMinor: 1_000,
      currency: 'USD',
      method: 'card' as const,
      receivedAt: new Date(Date.now() - 60_000).toISOString(),
      idempotencyKey: key(),
    };
    const results = await Promise.all(
      Array.from({ length: 10 }, () => callerFor(handle.db, agent).caller.payments.recordPayment(input)),
    );
    expect(new Set(results.map((r) => r.payment.id)).size).toBe(1);
    const rows = await handle.db.select().from(payments).where(eq(payments.caseId, caseRow.id));
    expect(rows).toHaveLength(1);
  });
});

describe('a key', () => {
  it('refuses a payment replayed with another received instant, recording nothing', async () => {
    const { caseRow, agent } = await buildWorkedCase(handle.db);
    const caller = callerFor(handle.db, agent).caller;
    const input = {
      caseId: caseRow.id,
      amountMinor: 2_500,
      currency: 'USD',
      method: 'bank_transfer' as const,
      receivedAt: '2026-11-10T09:00:00Z',
      idempotencyKey: key(),
    };
    await caller.payments.recordPayment(input);
    await expect(
      caller.payments.recordPayment({ ...input, receivedAt: '2026-11-10T09:00:01Z' }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: /already used for a different request/ });
    expect(await handle.db.select().from(payments).where(eq(payments.caseId, caseRow.id))).toHaveLength(1);
  });

  it('is per user: the same key from another user is their own request', async () => {
    const { caseRow, agent, supervisor } = await buildWorkedCase(handle.db);
    const input = { caseId: caseRow.id, body: 'Same words, two people', idempotencyKey: key() };
    const mine = await callerFor(handle.db, agent).caller.casework.addNote(input);
    const theirs = await callerFor(handle.db, supervisor).caller.casework.addNote(input);
    expect(theirs.id).not.toBe(mine.id);
    expect(await notesOf(caseRow.id)).toBe(2);
  });

  it('is freed when the request fails, so the corrected retry runs', async () => {
    const { caseRow, agent } = await buildWorkedCase(handle.db);
    const caller = callerFor(handle.db, agent).caller;
    const input = { caseId: caseRow.id, body: 'Written on an old screen', idempotencyKey: key() };
    await expect(caller.casework.addNote({ ...input, expectedVersion: 99 })).rejects.toMatchObject({
      appCode: 'STALE_VERSION',
    });
    await caller.casework.addNote(input);
    expect(await notesOf(caseRow.id)).toBe(1);
  });

  it('answers retries for 24 hours; then it is pruned and a new request may use it', async () => {
    const { caseRow, agent } = await buildWorkedCase(handle.db);
    const sentAt = new Date();
    const input = { caseId: caseRow.id, body: 'Yesterday', idempotencyKey: key() };
    await callerFor(handle.db, agent, { now: sentAt }).caller.casework.addNote(input);
    const mine = and(eq(idempotencyKeys.userId, agent.id), eq(idempotencyKeys.key, input.idempotencyKey));
    const later = new Date(sentAt.getTime() + IDEMPOTENCY_KEY_TTL_MS + 1);
    await pruneIdempotencyKeys(handle.db, new Date(later.getTime() - 2));
    expect(await handle.db.select().from(idempotencyKeys).where(mine)).toHaveLength(1);
    await pruneIdempotencyKeys(handle.db, later);
    expect(await handle.db.select().from(idempotencyKeys).where(mine)).toHaveLength(0);
  });
});
