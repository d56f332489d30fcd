import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/client.ts';
import { cases, complianceDecisions, contactLog } from '../../server/src/db/schema/index.ts';
import { buildContact, buildWorkedCase, key, refusedAttempt } from './support/builders.ts';
import { callerFor } from './support/caller.ts';
import { createTestDatabase } from './support/db.ts';

/** Wednesday 2026-11-11, 12:00 in New York (EST). */
const NOW = new Date('2026-11-11T17:00:00Z');
const day = (d: number, hourUtc = 15) => new Date(Date.UTC(2026, 10, d, hourUtc));

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

async function world(options: Parameters<typeof buildWorkedCase>[1] = {}) {
  const w = await buildWorkedCase(handle.db, options);
  return { ...w, caller: callerFor(handle.db, w.agent, { now: NOW }).caller };
}

const contactsOf = async (caseId: string) =>
  (await handle.db.select({ n: count() }).from(contactLog).where(eq(contactLog.caseId, caseId)))[0]!.n;

describe('an allowed call', () => {
  it('is logged, moves the case version and the first-communication date, and keeps no decision', async () => {
    const { caller, caseRow, mobile } = await world();
    const result = await caller.contacts.logCall({
      idempotencyKey: key(),
      caseId: caseRow.id,
      contactPointId: mobile.id,
      kind: 'call',
      outcome: 'conversation',
      durationSeconds: 240,
      expectedVersion: 1,
    });
    expect(result).toMatchObject({ outcome: 'allowed', decisionId: null, caseVersion: 2 });
    const [row] = await handle.db.select().from(contactLog).where(eq(contactLog.id, result.contactId));
    expect(row).toMatchObject({
      kind: 'call',
      outcome: 'conversation',
      caseIds: [caseRow.id],
      occurredAt: NOW,
    });
    const [updated] = await handle.db.select().from(cases).where(eq(cases.id, caseRow.id));
    expect(updated).toMatchObject({ version: 2, lastContactAt: NOW, initialCommunicationAt: NOW });
    const decisions = await handle.db
      .select()
      .from(complianceDecisions)
      .where(eq(complianceDecisions.caseId, caseRow.id));
    expect(decisions).toEqual([]);
  });
});

describe('time of day (US-REGF-TIME)', () => {
  it('refuses a call at 22:00 for the debtor, keeps the blocked decision and names the next allowed time', async () => {
    const { agent, caseRow, mobile } = await world();
    const night = new Date('2026-11-12T03:00:00Z');
    const caller = callerFor(handle.db, agent, { now: night }).caller;
    const { error, decision } = await refusedAttempt(
      handle.db,
      caller.contacts.logCall({
        idempotencyKey: key(),
        caseId: caseRow.id,
        contactPointId: mobile.id,
        kind: 'call',
        outcome: 'no_answer',
      }),
    );
    expect(error.code).toBe('UNPROCESSABLE_CONTENT');
    expect(error.appCode).toBe('BLOCKED_BY_RULE');
    expect(error.message).toMatch(/^US-REGF-TIME: /);
    expect(decision).toMatchObject({
      outcome: 'blocked',
      allowed: false,
      actorId: agent.id,
      actionKind: 'call',
      contactPointId: mobile.id,
      ruleIds: ['US-REGF-TIME'],
      nextAllowedAt: new Date('2026-11-12T13:00:00Z'),
      rulesetVersion: expect.stringMatching(/^\d{4}\.\d+\.\d+\+p1$/),
      evaluatedAt: night,
    });
    expect(decision?.facts).toMatchObject({ now: night.toISOString(), action: { kind: 'call' } });
    expect(await contactsOf(caseRow.id)).toBe(0);
  });
});

describe('frequency (US-REGF-7IN7)', () => {
  it('refuses the eighth call in seven days', async () => {
    const { caller, caseRow, mobile } = await world();
    for (const d of [5, 6, 7, 8, 9, 10, 11]) {
      await buildContact(handle.db, caseRow, { occurredAt: day(d, 14), contactPointId: mobile.id });
    }
    const { decision } = await refusedAttempt(
      handle.db,
      caller.contacts.logCall({
        idempotencyKey: key(),
        caseId: caseRow.id,
        contactPointId: mobile.id,
        kind: 'voicemail',
        outcome: 'voicemail',
      }),
    );
    expect(decision).toMatchObject({ outcome: 'blocked', ruleIds: ['US-REGF-7IN7'] });
    expect(decision?.nextAllowedAt).toEqual(new Date('2026-11-12T13:00:00Z'));
    expect(await contactsOf(caseRow.id)).toBe(7);
  });

  it('does not count calls that never connected', async () => {
    const { caller, caseRow, mobile } = await world();
    for (const d of [5, 6, 7, 8, 9, 10, 11]) {
      await buildContact(handle.db, caseRow, {
        occurredAt: day(d, 14),
        contactPointId: mobile.id,
        outcome: 'busy',
      });
    }
    const result = await caller.contacts.logCall({
      idempotencyKey: key(),
      caseId: caseRow.id,
      contactPointId: mobile.id,
      kind: 'call',
      outcome: 'no_answer',
    });
    expect(result.outcome).toBe('allowed');
  });
});

describe('after a conversation (US-REGF-POSTCONV)', () => {
  it('refuses a call the day after a conversation about the debt', async () => {
    const { caller, caseRow, mobile } = await world();
    await buildContact(handle.db, caseRow, {
      occurredAt: day(10),
      contactPointId: mobile.id,
      outcome: 'conversation',
    });
    const { decision } = await refusedAttempt(
      handle.db,
      caller.contacts.logCall({
        idempotencyKey: key(),
        caseId: caseRow.id,
        contactPointId: mobile.id,
        kind: 'call',
        outcome: 'no_answer',
      }),
    );
    expect(decision?.ruleIds).toEqual(['US-REGF-POSTCONV']);
  });
});

describe('Massachusetts (US-MA-FREQ)', () => {
  it('refuses a third text in seven days through sendMessage', async () => {
    const { caller, caseRow, mobile } = await world({ debtor: { jurisdictionRegion: 'MA' } });
    for (const d of [9, 10]) {
      await buildContact(handle.db, caseRow, {
        occurredAt: day(d),
        contactPointId: mobile.id,
        kind: 'sms',
        outcome: 'sent',
      });
    }
    const { decision } = await refusedAttempt(
      handle.db,
      caller.contacts.sendMessage({
        idempotencyKey: key(),
        caseId: caseRow.id,
        contactPointId: mobile.id,
        channel: 'sms',
        body: 'Please call us about your account. Reply STOP to opt out.',
        disclosures: ['mini_miranda_initial', 'opt_out'],
      }),
    );
    expect(decision).toMatchObject({ outcome: 'blocked', actionKind: 'sms', ruleIds: ['US-MA-FREQ'] });
    const sms = await handle.db
      .select({ n: count() })
      .from(contactLog)
      .where(and(eq(contactLog.caseId, caseRow.id), eq(contactLog.kind, 'sms')));
    expect(sms[0]!.n).toBe(2);
  });
});

describe('China: the day’s dial limit (CN-CBA-DIALS)', () => {
  /** Wednesday 2026-11-11, 11:00 in Shanghai: inside the calling hours. */
  const SHANGHAI_MORNING = new Date('2026-11-11T03:00:00Z');

  it('refuses a voicemail after six unanswered dials to the number today: leaving one is a dial', async () => {
    const { agent, caseRow, mobile } = await world({
      debtor: { jurisdictionCountry: 'CN', jurisdictionRegion: null, explicitTimeZone: 'Asia/Shanghai' },
      portfolio: { country: 'CN', region: null, currency: 'CNY' },
    });
    const caller = callerFor(handle.db, agent, { now: SHANGHAI_MORNING }).caller;
    // Six unanswered dials this morning, Shanghai time (09:00–10:40): calls and voicemails alike.
    const kinds = ['call', 'voicemail', 'call', 'autodial_call', 'call', 'voicemail'] as const;
    for (const [i, kind] of kinds.entries()) {
      await buildContact(handle.db, caseRow, {
        occurredAt: new Date(Date.UTC(2026, 10, 11, 1, i * 20)),
        contactPointId: mobile.id,
        kind,
        outcome: kind === 'voicemail' ? 'voicemail' : 'no_answer',
      });
    }
    const before = await contactsOf(caseRow.id);

    const preview = await caller.compliance.check({ caseId: caseRow.id });
    const voicemail = preview.actions.find((a) => a.kind === 'voicemail' && a.contactPointId === mobile.id);
    expect(voicemail?.verdict.violations.map((v) => v.ruleId)).toContain('CN-CBA-DIALS');

    const { error, decision } = await refusedAttempt(
      handle.db,
      caller.contacts.logCall({
        idempotencyKey: key(),
        caseId: caseRow.id,
        contactPointId: mobile.id,
        kind: 'voicemail',
        outcome: 'voicemail',
      }),
    );
    expect(error.appCode).toBe('BLOCKED_BY_RULE');
    expect(decision).toMatchObject({
      outcome: 'blocked',
      actionKind: 'voicemail',
      ruleIds: ['CN-CBA-DIALS'],
    });
    expect(await contactsOf(caseRow.id)).toBe(before);
  });
});
