import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/client.ts';
import { cases, complianceDecisions, messageTemplates } from '../../server/src/db/schema/index.ts';
import {
  buildContactPoint,
  buildDebtor,
  buildWorkedCase,
  expectNothingWritten,
  key,
  refusedAttempt,
} from './support/builders.ts';
import { callerFor } from './support/caller.ts';
import { createTestDatabase } from './support/db.ts';

/** Bad input is refused with a clear message before anything is judged or written. */
const NOW = new Date('2026-11-11T17:00:00Z'); // Wednesday, 12:00 in New York

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

async function world(options: Parameters<typeof buildWorkedCase>[1] = {}, now = NOW) {
  const w = await buildWorkedCase(handle.db, options);
  return { ...w, caller: callerFor(handle.db, w.agent, { now }).caller };
}

const sms = {
  channel: 'sms' as const,
  body: 'Call us. Reply STOP to opt out.',
  disclosures: ['mini_miranda_initial' as const, 'opt_out' as const],
};

describe('bad input', () => {
  it("answers NOT_FOUND for another debtor's contact point", async () => {
    const { caller, caseRow } = await world();
    const foreign = await buildContactPoint(handle.db, (await buildDebtor(handle.db)).id);
    const attempt = caller.contacts.logCall({
      idempotencyKey: key(),
      caseId: caseRow.id,
      contactPointId: foreign.id,
      kind: 'call',
      outcome: 'no_answer',
    });
    await expect(attempt).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('Contact point not found'),
    });
    await expectNothingWritten(handle.db, caseRow.id);
  });

  it('refuses a channel the contact point cannot carry', async () => {
    const { caller, caseRow, debtor } = await world();
    const email = await buildContactPoint(handle.db, debtor.id, { kind: 'email' });
    const landline = await buildContactPoint(handle.db, debtor.id, { kind: 'landline' });
    await expect(
      caller.contacts.logCall({
        idempotencyKey: key(),
        caseId: caseRow.id,
        contactPointId: email.id,
        kind: 'call',
        outcome: 'no_answer',
      }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'A call cannot go to this email address; it needs: mobile number, landline, or work number.',
      messageRef: {
        code: 'contactPoint.wrongKind',
        params: { kind: 'call', pointKind: 'email', allowed: 'mobile,landline,work_phone' },
      },
    });
    await expect(
      caller.contacts.sendMessage({
        idempotencyKey: key(),
        caseId: caseRow.id,
        contactPointId: landline.id,
        ...sms,
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      caller.contacts.sendMessage({ idempotencyKey: key(), caseId: caseRow.id, ...sms }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('contactPointId'),
    });
    await expectNothingWritten(handle.db, caseRow.id);
  });

  it('refuses a call logged in the future, a malformed id and a stale case version', async () => {
    const { caller, caseRow, mobile } = await world();
    const call = {
      caseId: caseRow.id,
      contactPointId: mobile.id,
      kind: 'call' as const,
      outcome: 'no_answer' as const,
    };
    await expect(
      caller.contacts.logCall({ ...call, idempotencyKey: key(), occurredAt: '2026-11-11T17:05:00Z' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('future') });
    await expect(
      caller.contacts.logCall({ ...call, idempotencyKey: key(), caseId: 'not-a-case' }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('caseId'),
    });
    await expect(
      caller.contacts.logCall({ ...call, idempotencyKey: key(), expectedVersion: 2 }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      appCode: 'STALE_VERSION',
    });
    await expectNothingWritten(handle.db, caseRow.id);
  });
});

describe('what is recorded', () => {
  it('logs an inbound call at night without judging it, and its conversation blocks calls for a week', async () => {
    const night = new Date('2026-11-12T03:00:00Z');
    const { caller, caseRow, mobile, agent } = await world({}, night);
    const inbound = await caller.contacts.logCall({
      idempotencyKey: key(),
      caseId: caseRow.id,
      contactPointId: mobile.id,
      kind: 'call',
      direction: 'inbound',
      outcome: 'conversation',
    });
    expect(inbound).toMatchObject({ outcome: 'allowed', decisionId: null, caseVersion: 2 });
    const [row] = await handle.db.select().from(cases).where(eq(cases.id, caseRow.id));
    expect(row).toMatchObject({ lastContactAt: night, initialCommunicationAt: null });
    const nextDay = callerFor(handle.db, agent, { now: new Date('2026-11-12T17:00:00Z') }).caller;
    const call = nextDay.contacts.logCall({
      idempotencyKey: key(),
      caseId: caseRow.id,
      contactPointId: mobile.id,
      kind: 'call',
      outcome: 'no_answer',
    });
    expect((await refusedAttempt(handle.db, call)).decision?.ruleIds).toEqual(['US-REGF-POSTCONV']);
  });

  it('keeps an allowed decision when the action drew a warning (US-REGF-VN)', async () => {
    const { caller, caseRow, debtor } = await world({
      case: { initialCommunicationAt: new Date('2026-11-01T15:00:00Z') },
    });
    await buildContactPoint(handle.db, debtor.id, { kind: 'home_address' });
    const result = await caller.contacts.sendMessage({
      idempotencyKey: key(),
      caseId: caseRow.id,
      channel: 'letter',
      body: 'From a debt collector.',
      disclosures: ['mini_miranda'],
    });
    expect(result).toMatchObject({
      outcome: 'allowed',
      warnings: [{ ruleId: 'US-REGF-VN', effect: 'warn' }],
    });
    const [decision] = await handle.db
      .select()
      .from(complianceDecisions)
      .where(eq(complianceDecisions.id, result.decisionId!));
    expect(decision).toMatchObject({
      outcome: 'allowed',
      allowed: true,
      ruleIds: ['US-REGF-VN'],
      actionKind: 'letter',
    });
  });

  it("counts a template's declared disclosures, not the ones the client claims", async () => {
    const { caller, caseRow, mobile, portfolio } = await world();
    const [template] = await handle.db
      .insert(messageTemplates)
      .values({
        portfolioId: portfolio.id,
        name: 'Reminder',
        channel: 'sms',
        body: 'Please pay.',
        disclosures: ['mini_miranda_initial'],
      })
      .returning();
    const attempt = caller.contacts.sendMessage({
      idempotencyKey: key(),
      caseId: caseRow.id,
      contactPointId: mobile.id,
      templateId: template!.id,
      ...sms,
    });
    expect((await refusedAttempt(handle.db, attempt)).decision?.ruleIds).toEqual(['US-REGF-OPTOUT']);
    await expect(
      caller.contacts.sendMessage({
        idempotencyKey: key(),
        caseId: caseRow.id,
        contactPointId: mobile.id,
        templateId: template!.id,
        ...sms,
        channel: 'email',
      }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'templateId: this template is for sms, not email',
    });
  });
});
