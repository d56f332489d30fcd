import { errorMessage } from '@arrears/shared/errors/messages';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/client.ts';
import { caseNotes } from '../../server/src/db/schema/index.ts';
import { AppError } from '../../server/src/errors.ts';
import {
  type Actor,
  registerQueueProjector,
  withCase,
  withCases,
} from '../../server/src/modules/case-core/case-core.service.ts';
import { queueProjection } from '../../server/src/modules/queues/projection.ts';
import {
  buildCase,
  buildDebtor,
  buildPortfolio,
  buildTeam,
  buildUser,
  buildWorkedCase,
  caseAndQueue,
} from './support/builders.ts';
import { createTestDatabase } from './support/db.ts';

/** withCase: the one kernel under every write to a case. */
const NOW = new Date('2026-11-11T17:00:00Z');

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

const caseOf = (caseId: string) => caseAndQueue(handle.db, caseId);
const notesOf = (caseId: string) => handle.db.select().from(caseNotes).where(eq(caseNotes.caseId, caseId));

/** A note written through withCase; its author is the case's agent when the actor is not staff. */
async function addNote(actor: Actor, caseId: string, expectedVersion?: number) {
  const authorId = actor.id ?? (await caseOf(caseId)).assignedAgentId!;
  return withCase({ db: handle.db, actor, caseId, now: NOW, expectedVersion }, async ({ tx }) => {
    const [note] = await tx
      .insert(caseNotes)
      .values({ caseId, authorId, body: 'spoke to the debtor' })
      .returning();
    return { value: note!.id };
  });
}

async function refusal(attempt: Promise<unknown>): Promise<AppError> {
  const error = await attempt.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe('withCase', () => {
  it('writes the change, bumps the version once and judges the queue standing', async () => {
    const { agent, caseRow } = await buildWorkedCase(handle.db);
    const result = await addNote(agent, caseRow.id, caseRow.version);
    expect(result.caseVersion).toBe(caseRow.version + 1);
    const after = await caseOf(caseRow.id);
    expect(after.version).toBe(caseRow.version + 1);
    expect(after.updatedAt.toISOString()).toBe(NOW.toISOString());
    // The projection ran: a workable case with a phone has a workable instant and a priority.
    expect(after.nextWorkableAt).not.toBeNull();
    expect(after.priority).toBeGreaterThan(0);
    expect(await notesOf(caseRow.id)).toHaveLength(1);
  });

  it('refuses a stale version with a 409 naming both versions, and writes nothing', async () => {
    const { agent, caseRow } = await buildWorkedCase(handle.db);
    const error = await refusal(addNote(agent, caseRow.id, caseRow.version - 1));
    expect(error.appCode).toBe('STALE_VERSION');
    expect(error.code).toBe('CONFLICT'); // tRPC's CONFLICT: HTTP 409
    expect(error.message).toContain(`version ${caseRow.version - 1}, now ${caseRow.version}`);
    expect(error.details).toEqual({ currentVersion: caseRow.version });
    expect((await caseOf(caseRow.id)).version).toBe(caseRow.version);
    expect(await notesOf(caseRow.id)).toHaveLength(0);
  });

  it('answers a case outside the actor scope as not found, for staff, the debtor and a webhook', async () => {
    const { caseRow } = await buildWorkedCase(handle.db);
    const otherTeam = await buildTeam(handle.db);
    const stranger = await buildUser(handle.db, 'agent', { teamId: otherTeam.id });
    const otherDebtor = await buildDebtor(handle.db);
    const actors: Actor[] = [
      stranger,
      { kind: 'debtor', id: null, debtorId: otherDebtor.id },
      { kind: 'webhook', id: null, provider: 'sms' },
      { kind: 'integration', id: null, name: 'dialer', teamIds: [otherTeam.id] },
    ];
    for (const actor of actors) {
      const error = await refusal(addNote(actor, caseRow.id));
      expect(error.appCode).toBe('NOT_FOUND');
    }
    expect(await notesOf(caseRow.id)).toHaveLength(0);
    expect((await caseOf(caseRow.id)).version).toBe(caseRow.version);
  });

  it('lets the debtor and the dialer reach their own cases', async () => {
    const { caseRow, debtor, team } = await buildWorkedCase(handle.db);
    await addNote({ kind: 'debtor', id: null, debtorId: debtor.id }, caseRow.id);
    await addNote({ kind: 'integration', id: null, name: 'dialer', teamIds: [team.id] }, caseRow.id);
    expect(await notesOf(caseRow.id)).toHaveLength(2);
    expect((await caseOf(caseRow.id)).version).toBe(caseRow.version + 2);
  });

  it('leaves nothing written and the version unmoved when the change fails', async () => {
    const { agent, caseRow } = await buildWorkedCase(handle.db);
    const before = await caseOf(caseRow.id);
    const attempt = withCase(
      { db: handle.db, actor: agent, caseId: caseRow.id, now: NOW },
      async ({ tx }) => {
        await tx.insert(caseNotes).values({ caseId: caseRow.id, authorId: agent.id, body: 'half a change' });
        throw new AppError('INVALID_INPUT', errorMessage('input.inFuture'));
      },
    );
    expect((await refusal(attempt)).appCode).toBe('INVALID_INPUT');
    expect(await notesOf(caseRow.id)).toHaveLength(0);
    expect(await caseOf(caseRow.id)).toEqual(before);
  });

  it('bumps every case of the debtor for a fact about the person, and nothing for an unchanged answer', async () => {
    const { agent, caseRow, debtor, portfolio, team } = await buildWorkedCase(handle.db);
    const sibling = await buildCase(handle.db, {
      portfolioId: portfolio.id,
      teamId: team.id,
      assignedAgentId: agent.id,
      debtorId: debtor.id,
    });
    const unchanged = await withCase(
      { db: handle.db, actor: agent, caseId: caseRow.id, now: NOW },
      async () => ({
        value: 'replayed',
        unchanged: true,
      }),
    );
    expect(unchanged.caseVersion).toBe(caseRow.version);
    const changed = await withCase(
      { db: handle.db, actor: agent, caseId: caseRow.id, now: NOW },
      async () => ({
        value: null,
        reach: 'debtor' as const,
      }),
    );
    expect(changed.caseVersion).toBe(caseRow.version + 1);
    expect((await caseOf(sibling.id)).version).toBe(sibling.version + 1);
  });
});

describe('the queue projector', () => {
  it("is the queues module's, and a second writer cannot be registered", () => {
    expect(() => registerQueueProjector(queueProjection)).not.toThrow();
    expect(() => registerQueueProjector({ ...queueProjection })).toThrow(/already registered/);
  });
});

describe('withCases', () => {
  it('locks the cases in scope, bumps only those the change names', async () => {
    const portfolio = await buildPortfolio(handle.db);
    const debtor = await buildDebtor(handle.db, { explicitTimeZone: 'America/New_York' });
    const a = await buildCase(handle.db, { portfolioId: portfolio.id, debtorId: debtor.id });
    const b = await buildCase(handle.db, { portfolioId: portfolio.id, debtorId: debtor.id });
    const system: Actor = { kind: 'system', id: null, name: 'test' };
    const seen = await withCases(
      { db: handle.db, actor: system, caseIds: [b.id, a.id], now: NOW },
      async ({ caseRows }) => ({ value: caseRows.map((row) => row.id), changedCaseIds: [a.id] }),
    );
    expect(seen).toEqual([a.id, b.id].sort());
    expect((await caseOf(a.id)).version).toBe(a.version + 1);
    expect((await caseOf(b.id)).version).toBe(b.version);
  });
});
