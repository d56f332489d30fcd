import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/client.ts';
import {
  auditEvents,
  callbacks,
  caseNotes,
  cases,
  contactPoints,
  debtors,
  disputes,
  optOuts,
} from '../../server/src/db/schema/index.ts';
import {
  buildContactPoint,
  buildDispute,
  buildTeam,
  buildUser,
  buildWorkedCase,
  key,
} from './support/builders.ts';
import { callerFor } from './support/caller.ts';
import { createTestDatabase } from './support/db.ts';

/** Bad input gets a clear 4xx and changes nothing: no row, no audit event, the same case version. */
const NOW = new Date('2026-11-11T17:00:00Z');
const TOMORROW = '2026-11-12T17:00:00Z';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

async function world() {
  const w = await buildWorkedCase(handle.db);
  const email = await buildContactPoint(handle.db, w.debtor.id, { kind: 'email' });
  const home = await buildContactPoint(handle.db, w.debtor.id, { kind: 'home_address' });
  return { ...w, email, home, caller: callerFor(handle.db, w.agent, { now: NOW }).caller };
}

/** What any casework event would change about a case and its debtor. */
async function footprint(caseId: string, debtorId: string) {
  const db = handle.db;
  const n = async (table: typeof disputes | typeof caseNotes | typeof callbacks, column = table.caseId) =>
    (await db.select({ n: count() }).from(table).where(eq(column, caseId)))[0]!.n;
  const [caseRow] = await db.select().from(cases).where(eq(cases.id, caseId));
  const [debtor] = await db.select().from(debtors).where(eq(debtors.id, debtorId));
  return {
    caseRow,
    debtor,
    disputes: await n(disputes),
    notes: await n(caseNotes),
    callbacks: await n(callbacks),
    optOuts: (await db.select({ n: count() }).from(optOuts).where(eq(optOuts.debtorId, debtorId)))[0]!.n,
    points: await db.select().from(contactPoints).where(eq(contactPoints.debtorId, debtorId)),
    audits: (await db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.caseId, caseId)))[0]!.n,
  };
}

/** Runs a refused call and checks the code, the message, and that nothing changed. */
async function refusedUnchanged(
  w: { caseRow: { id: string }; debtor: { id: string } },
  attempt: () => Promise<unknown>,
  expected: { code: string; message?: RegExp },
) {
  const before = await footprint(w.caseRow.id, w.debtor.id);
  const error = await attempt().then(
    () => null,
    (e: { code: string; message: string }) => e,
  );
  expect(error, 'the call should have been refused').not.toBeNull();
  expect(error!.code).toBe(expected.code);
  if (expected.message) expect(error!.message).toMatch(expected.message);
  expect(await footprint(w.caseRow.id, w.debtor.id)).toEqual(before);
}

describe('bad input changes nothing', () => {
  it("refuses another debtor's contact point as NOT_FOUND", async () => {
    const w = await world();
    const other = await world();
    await refusedUnchanged(
      w,
      () =>
        w.caller.casework.revokeConsent({
          idempotencyKey: key(),
          caseId: w.caseRow.id,
          contactPointId: other.mobile.id,
        }),
      {
        code: 'NOT_FOUND',
        message: /Contact point not found/,
      },
    );
    await refusedUnchanged(
      w,
      () =>
        w.caller.casework.recordOptOut({
          idempotencyKey: key(),
          caseId: w.caseRow.id,
          contactPointId: other.email.id,
        }),
      {
        code: 'NOT_FOUND',
      },
    );
  });

  it('refuses a dispute, cease or bankruptcy received in the future', async () => {
    const w = await world();
    const { caseRow } = w;
    await refusedUnchanged(
      w,
      () =>
        w.caller.casework.recordDispute({
          idempotencyKey: key(),
          caseId: caseRow.id,
          reason: 'Not mine',
          receivedAt: TOMORROW,
        }),
      {
        code: 'BAD_REQUEST',
        message: /^receivedAt: cannot be in the future/,
      },
    );
    await refusedUnchanged(
      w,
      () =>
        w.caller.casework.recordCease({ idempotencyKey: key(), caseId: caseRow.id, receivedAt: TOMORROW }),
      {
        code: 'BAD_REQUEST',
        message: /receivedAt/,
      },
    );
    await refusedUnchanged(
      w,
      () =>
        w.caller.casework.recordBankruptcy({ idempotencyKey: key(), caseId: caseRow.id, filedAt: TOMORROW }),
      {
        code: 'BAD_REQUEST',
        message: /filedAt/,
      },
    );
    await refusedUnchanged(
      w,
      () =>
        w.caller.casework.recordCease({
          idempotencyKey: key(),
          caseId: caseRow.id,
          receivedAt: 'last tuesday',
        }),
      {
        code: 'BAD_REQUEST',
        message: /receivedAt must be an ISO-8601 instant/,
      },
    );
  });

  it('refuses a dispute, cease, complaint or verification dated before the case was placed', async () => {
    // buildCase places every case at 2026-10-01T00:00:00Z (decision record 020: not before the case existed).
    const w = await world();
    const { caseRow } = w;
    const before = '2026-09-30T12:00:00Z';
    const window = /is too far back; allowed from 2026-10-01T00:00:00Z \(when the case was placed\) to now$/;
    await refusedUnchanged(
      w,
      () =>
        w.caller.casework.recordDispute({
          idempotencyKey: key(),
          caseId: caseRow.id,
          reason: 'Not mine',
          receivedAt: before,
        }),
      { code: 'BAD_REQUEST', message: new RegExp(`^receivedAt: ${before} ${window.source}`) },
    );
    await refusedUnchanged(
      w,
      () =>
        w.caller.casework.recordCease({
          idempotencyKey: key(),
          caseId: caseRow.id,
          receivedAt: '1970-01-01T00:00:00Z',
        }),
      { code: 'BAD_REQUEST', message: window },
    );
    await refusedUnchanged(
      w,
      () =>
        w.caller.casework.recordComplaint({
          idempotencyKey: key(),
          caseId: caseRow.id,
          channel: 'phone',
          description: 'The agent called me at work twice.',
          receivedAt: before,
        }),
      { code: 'BAD_REQUEST', message: window },
    );
    const dispute = await buildDispute(handle.db, caseRow.id, {
      receivedAt: new Date('2026-10-05T00:00:00Z'),
    });
    await expect(
      w.caller.casework.recordVerificationSent({
        idempotencyKey: key(),
        disputeId: dispute.id,
        sentAt: '2026-11-11T17:05:00Z',
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: /^sentAt: .* is in the future/ });
  });

  it('takes a bankruptcy filed before the case was placed: it is about the person, not the debt', async () => {
    const w = await world();
    await w.caller.casework.recordBankruptcy({
      idempotencyKey: key(),
      caseId: w.caseRow.id,
      filedAt: '2026-08-01T15:00:00Z',
    });
    const [debtor] = await handle.db.select().from(debtors).where(eq(debtors.id, w.debtor.id));
    expect(debtor!.bankruptcyFiledAt).toEqual(new Date('2026-08-01T15:00:00Z'));
  });

  it('refuses an empty note, a callback in the past and a hold that has already ended', async () => {
    const w = await world();
    const { caseRow } = w;
    await refusedUnchanged(
      w,
      () => w.caller.casework.addNote({ idempotencyKey: key(), caseId: caseRow.id, body: '   ' }),
      {
        code: 'BAD_REQUEST',
        message: /^body: The note is empty/,
      },
    );
    await refusedUnchanged(
      w,
      () =>
        w.caller.casework.scheduleCallback({
          idempotencyKey: key(),
          caseId: caseRow.id,
          dueAt: '2026-11-11T16:00:00Z',
        }),
      {
        code: 'BAD_REQUEST',
        message: /dueAt: a callback must be in the future/,
      },
    );
    const boss = callerFor(handle.db, w.supervisor, { now: NOW }).caller;
    await refusedUnchanged(
      w,
      () =>
        boss.casework.setHold({
          idempotencyKey: key(),
          caseId: caseRow.id,
          until: '2026-11-01T00:00:00Z',
          reason: 'Settlement pending',
        }),
      { code: 'BAD_REQUEST', message: /until: a hold must end in the future/ },
    );
    await refusedUnchanged(
      w,
      () =>
        w.caller.casework.setHold({
          idempotencyKey: key(),
          caseId: caseRow.id,
          until: TOMORROW,
          reason: 'Settlement pending',
        }),
      {
        code: 'FORBIDDEN',
      },
    );
  });

  it('refuses a stale version as CONFLICT with nothing written', async () => {
    const w = await world();
    const { caseRow } = w;
    const stale = { caseId: caseRow.id, expectedVersion: caseRow.version };
    await w.caller.casework.addNote({
      idempotencyKey: key(),
      caseId: caseRow.id,
      body: 'Someone else moved the case on',
    });
    await refusedUnchanged(
      w,
      () => w.caller.casework.recordDispute({ ...stale, idempotencyKey: key(), reason: 'Not mine' }),
      {
        code: 'CONFLICT',
        message: /The case changed since you opened it/,
      },
    );
    await refusedUnchanged(
      w,
      () =>
        w.caller.casework.recordCease({
          idempotencyKey: key(),
          ...stale,
          receivedAt: '2026-11-10T00:00:00Z',
        }),
      {
        code: 'CONFLICT',
      },
    );
    await refusedUnchanged(
      w,
      () => w.caller.casework.revokeConsent({ ...stale, idempotencyKey: key(), contactPointId: w.mobile.id }),
      {
        code: 'CONFLICT',
      },
    );
    await refusedUnchanged(
      w,
      () => w.caller.casework.addNote({ ...stale, idempotencyKey: key(), body: 'Lost update' }),
      {
        code: 'CONFLICT',
      },
    );
  });

  it('refuses an event that is already on file as CONFLICT', async () => {
    const w = await world();
    const { caseRow } = w;
    await w.caller.casework.recordDispute({ idempotencyKey: key(), caseId: caseRow.id, reason: 'Not mine' });
    await refusedUnchanged(
      w,
      () =>
        w.caller.casework.recordDispute({
          idempotencyKey: key(),
          caseId: caseRow.id,
          reason: 'Still not mine',
        }),
      {
        code: 'CONFLICT',
        message: /still waiting for verification/,
      },
    );
    await w.caller.casework.revokeConsent({
      idempotencyKey: key(),
      caseId: caseRow.id,
      contactPointId: w.mobile.id,
    });
    await refusedUnchanged(
      w,
      () =>
        w.caller.casework.revokeConsent({
          idempotencyKey: key(),
          caseId: caseRow.id,
          contactPointId: w.mobile.id,
        }),
      {
        code: 'CONFLICT',
      },
    );
    await w.caller.casework.recordOptOut({ idempotencyKey: key(), caseId: caseRow.id, channel: 'email' });
    await refusedUnchanged(
      w,
      () => w.caller.casework.recordOptOut({ idempotencyKey: key(), caseId: caseRow.id, channel: 'email' }),
      {
        code: 'CONFLICT',
      },
    );
  });

  it('refuses a second cease, bankruptcy or death as CONFLICT, with the first one standing', async () => {
    const w = await world();
    const { caseRow } = w;
    const past = '2026-11-01T12:00:00Z';
    await w.caller.casework.recordCease({ idempotencyKey: key(), caseId: caseRow.id, receivedAt: past });
    await refusedUnchanged(
      w,
      () => w.caller.casework.recordCease({ idempotencyKey: key(), caseId: caseRow.id, receivedAt: past }),
      {
        code: 'CONFLICT',
        message: /cease request is already on file since 2026-11-01T12:00:00.000Z/,
      },
    );
    await w.caller.casework.recordBankruptcy({ idempotencyKey: key(), caseId: caseRow.id, filedAt: past });
    await refusedUnchanged(
      w,
      () => w.caller.casework.recordBankruptcy({ idempotencyKey: key(), caseId: caseRow.id, filedAt: past }),
      {
        code: 'CONFLICT',
        message: /bankruptcy filed 2026-11-01T12:00:00.000Z is already on file/,
      },
    );
    await w.caller.casework.recordDeath({ idempotencyKey: key(), caseId: caseRow.id });
    await refusedUnchanged(
      w,
      () => w.caller.casework.recordDeath({ idempotencyKey: key(), caseId: caseRow.id }),
      {
        code: 'CONFLICT',
        message: /already recorded as deceased/,
      },
    );
  });

  it('refuses opt-outs and revocations that name nothing or the wrong kind of point', async () => {
    const w = await world();
    const { caseRow } = w;
    await refusedUnchanged(
      w,
      () => w.caller.casework.recordOptOut({ idempotencyKey: key(), caseId: caseRow.id }),
      {
        code: 'BAD_REQUEST',
        message: /Name the channel, the contact point, or both/,
      },
    );
    await refusedUnchanged(
      w,
      () =>
        w.caller.casework.recordOptOut({
          idempotencyKey: key(),
          caseId: caseRow.id,
          channel: 'sms',
          contactPointId: w.home.id,
        }),
      {
        code: 'BAD_REQUEST',
        message: /sms never reaches a home address/,
      },
    );
    await refusedUnchanged(
      w,
      () =>
        w.caller.casework.revokeConsent({
          idempotencyKey: key(),
          caseId: caseRow.id,
          contactPointId: w.email.id,
        }),
      {
        code: 'BAD_REQUEST',
        message: /record an opt-out/,
      },
    );
  });

  it('refuses unknown agents, disputes and cases out of scope as NOT_FOUND', async () => {
    const w = await world();
    const { caseRow } = w;
    await refusedUnchanged(
      w,
      () =>
        w.caller.casework.recordComplaint({
          idempotencyKey: key(),
          caseId: caseRow.id,
          agentId: '00000000-0000-4000-8000-000000000000',
          channel: 'letter',
          description: 'Rude on the phone yesterday',
        }),
      { code: 'NOT_FOUND', message: /agentId/ },
    );
    const stranger = await buildUser(handle.db, 'agent', { teamId: (await buildTeam(handle.db)).id });
    const outsider = callerFor(handle.db, stranger, { now: NOW }).caller;
    await refusedUnchanged(
      w,
      () =>
        outsider.casework.recordDispute({ idempotencyKey: key(), caseId: caseRow.id, reason: 'Not mine' }),
      {
        code: 'NOT_FOUND',
      },
    );
    const dispute = await buildDispute(handle.db, caseRow.id, {
      receivedAt: new Date('2026-11-09T00:00:00Z'),
    });
    await refusedUnchanged(
      w,
      () => outsider.casework.recordVerificationSent({ idempotencyKey: key(), disputeId: dispute.id }),
      {
        code: 'NOT_FOUND',
      },
    );
    await refusedUnchanged(
      w,
      () =>
        w.caller.casework.recordVerificationSent({
          idempotencyKey: key(),
          disputeId: dispute.id,
          sentAt: '2026-11-08T00:00:00Z',
        }),
      { code: 'BAD_REQUEST', message: /before the dispute was received/ },
    );
    await refusedUnchanged(
      w,
      () => w.caller.casework.addNote({ idempotencyKey: key(), caseId: 'not-a-case', body: 'x' }),
      {
        code: 'BAD_REQUEST',
        message: /caseId must be an id/,
      },
    );
  });
});
