import { PAST_CONTACT_MAX_HOURS } from '@arrears/shared/domain/recording-window';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/client.ts';
import { cases, contactLog } from '../../server/src/db/schema/index.ts';
import { guardAction } from '../../server/src/modules/compliance/compliance.service.ts';
import { recordContact } from '../../server/src/modules/compliance/contact-record.ts';
import { REMINDER_ACTOR } from '../../server/src/modules/reminders/scheduler.ts';
import {
  buildContact,
  buildOptOut,
  buildWorkedCase,
  expectNothingWritten,
  key,
  refusedAttempt,
} from './support/builders.ts';
import { callerFor } from './support/caller.ts';
import { createTestDatabase } from './support/db.ts';

/**
 * Decision record 020: a person logs a past call only inside the window (the agent's working day, at most
 * PAST_CONTACT_MAX_HOURS back, not before the case's placement, not in the future), and it is judged at its own
 * instant with the facts as they stood then. Debtor and agent are in New York (EST, UTC−5).
 */
const NOW = new Date('2026-11-11T17:00:00Z'); // Wednesday 12:00 in New York
const minutes = (at: Date, n: number) => new Date(at.getTime() + n * 60_000);

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

async function world(options: Parameters<typeof buildWorkedCase>[1] = {}, now = NOW) {
  const w = await buildWorkedCase(handle.db, options);
  const logCall = (occurredAt: Date, extra: { outcome?: 'no_answer' | 'conversation' } = {}) =>
    callerFor(handle.db, w.agent, { now }).caller.contacts.logCall({
      idempotencyKey: key(),
      caseId: w.caseRow.id,
      contactPointId: w.mobile.id,
      kind: 'call',
      outcome: extra.outcome ?? 'no_answer',
      occurredAt: occurredAt.toISOString(),
    });
  return { ...w, logCall };
}

describe('the window a call may be logged in', () => {
  it('refuses a call dated 1970, naming the field and the allowed window, and writes nothing', async () => {
    const { caseRow, logCall } = await world();
    await expect(logCall(new Date(0))).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message:
        'occurredAt: 1970-01-01T00:00:00Z is too far back; allowed from 2026-11-11T05:00:00Z (the start of your working day) to now',
    });
    await expectNothingWritten(handle.db, caseRow.id);
  });

  it('refuses a call before the case was placed, even inside the working day', async () => {
    const { caseRow, logCall } = await world({ case: { placedAt: minutes(NOW, -120) } });
    await expect(logCall(minutes(NOW, -180))).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('allowed from 2026-11-11T15:00:00Z (when the case was placed)'),
    });
    await expectNothingWritten(handle.db, caseRow.id);
  });

  it(`refuses a call from yesterday evening and one more than ${PAST_CONTACT_MAX_HOURS} hours back`, async () => {
    // 01:00 in New York: 22:00 yesterday is within the hours cap but before the agent's day began.
    const night = await world({}, new Date('2026-11-11T06:00:00Z'));
    await expect(night.logCall(new Date('2026-11-11T03:00:00Z'))).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('(the start of your working day)'),
    });
    // 21:00 in New York: 08:30 the same day is inside the working day but 12.5 hours back.
    const late = await world({}, new Date('2026-11-12T02:00:00Z'));
    await expect(late.logCall(new Date('2026-11-11T13:30:00Z'))).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining(`(at most ${PAST_CONTACT_MAX_HOURS} hours back)`),
    });
    await expectNothingWritten(handle.db, night.caseRow.id);
    await expectNothingWritten(handle.db, late.caseRow.id);
  });

  it('refuses a call ahead of the clock by more than the skew and takes one within it as now', async () => {
    const { caseRow, logCall } = await world();
    await expect(logCall(minutes(NOW, 3))).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(
        /^occurredAt: 2026-11-11T17:03:00Z is in the future; the latest allowed/,
      ),
    });
    await expectNothingWritten(handle.db, caseRow.id);
    const logged = await logCall(minutes(NOW, 1));
    const [row] = await handle.db.select().from(contactLog).where(eq(contactLog.id, logged.contactId));
    expect(row!.occurredAt).toEqual(minutes(NOW, 1));
  });

  it('refuses an inbound call outside the window too: it is a person backdating all the same', async () => {
    const { agent, caseRow, mobile } = await world();
    const attempt = callerFor(handle.db, agent, { now: NOW }).caller.contacts.logCall({
      idempotencyKey: key(),
      caseId: caseRow.id,
      contactPointId: mobile.id,
      kind: 'call',
      direction: 'inbound',
      outcome: 'conversation',
      occurredAt: '2026-11-01T15:00:00Z',
    });
    await expect(attempt).rejects.toMatchObject({ code: 'BAD_REQUEST', message: /^occurredAt: / });
    await expectNothingWritten(handle.db, caseRow.id);
  });
});

describe('a call logged after the fact is judged at its instant', () => {
  it('is blocked by the calling hours of its instant although they are open now', async () => {
    // Now 08:30 in New York (open); the call happened at 07:30 (closed).
    const now = new Date('2026-11-11T13:30:00Z');
    const { logCall } = await world({}, now);
    const { error, decision } = await refusedAttempt(handle.db, logCall(minutes(now, -60)));
    expect(error.appCode).toBe('BLOCKED_BY_RULE');
    expect(error.message).toMatch(/^US-REGF-TIME: /);
    expect(decision).toMatchObject({ outcome: 'blocked', evaluatedAt: now });
    expect((decision!.facts as { now: string }).now).toBe('2026-11-11T12:30:00.000Z');
  });

  it('is not blocked by an opt-out the debtor gave after it, and is by one given before it', async () => {
    const { caseRow, debtor, logCall } = await world();
    // The debtor asked at 11:00 not to be called; the agent logs the 09:00 call at noon.
    await buildOptOut(handle.db, debtor.id, { channel: 'phone', at: minutes(NOW, -60) });
    const earlier = await logCall(minutes(NOW, -180));
    expect(earlier.outcome).toBe('allowed');
    const { error } = await refusedAttempt(handle.db, logCall(minutes(NOW, -30)));
    expect(error.message).toMatch(/^US-REGF-MEDIUM: /);
    const [row] = await handle.db.select().from(cases).where(eq(cases.id, caseRow.id));
    expect(row!.lastContactAt).toEqual(minutes(NOW, -180));
  });

  it('counts toward the post-conversation block only the conversations before it', async () => {
    const { caseRow, mobile, logCall } = await world({ case: { initialCommunicationAt: minutes(NOW, -60) } });
    // A conversation at 11:00 blocks calls about the debt from then on, not the 09:00 call logged late.
    await buildContact(handle.db, caseRow, {
      occurredAt: minutes(NOW, -60),
      contactPointId: mobile.id,
      outcome: 'conversation',
    });
    const earlier = await logCall(minutes(NOW, -180), { outcome: 'conversation' });
    expect(earlier.outcome).toBe('allowed');
    const [row] = await handle.db.select().from(cases).where(eq(cases.id, caseRow.id));
    expect(row!.initialCommunicationAt).toEqual(minutes(NOW, -180));
    const { error } = await refusedAttempt(handle.db, logCall(minutes(NOW, -10)));
    expect(error.message).toMatch(/^US-REGF-POSTCONV: /);
  });
});

describe('events reported late by machines', () => {
  it('are recorded at their own instant, days back, through the guard: no person is backdating', async () => {
    const { caseRow, mobile } = await world();
    // A dial result reported three days late by the dialer, as the system actor.
    const at = new Date('2026-11-08T15:00:00Z');
    const result = await guardAction(handle.db, {
      actor: REMINDER_ACTOR,
      caseId: caseRow.id,
      now: NOW,
      at,
      action: () => ({ kind: 'autodial_call', contactPointId: mobile.id }),
      record: async (tx, passed) => {
        const context = { caseFacts: passed.caseFacts, agentId: null, decisionId: passed.decisionId };
        const { contactId, caseChanges } = await recordContact(tx, context, {
          kind: 'autodial_call',
          direction: 'outbound',
          outcome: 'no_answer',
          occurredAt: at,
          contactPointId: mobile.id,
        });
        return { value: contactId, caseChanges };
      },
    });
    expect(result.outcome).toBe('allowed');
    const [row] = await handle.db.select().from(contactLog).where(eq(contactLog.id, result.value));
    expect(row).toMatchObject({ occurredAt: at, agentId: null, kind: 'autodial_call' });
  });
});
