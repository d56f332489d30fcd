import { and, asc, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/client.ts';
import {
  cases,
  complianceDecisions,
  contactLog,
  optOuts,
  outboundMessages,
  reminderSends,
} from '../../server/src/db/schema/index.ts';
import { runReminders } from '../../server/src/modules/reminders/scheduler.ts';
import {
  buildCase,
  buildContact,
  buildContactPoint,
  buildDebtor,
  buildPortfolio,
} from './support/builders.ts';
import { createTestDatabase } from './support/db.ts';
import { buildStrategy, buildTemplate } from './support/reminders.ts';

/**
 * The reminder scheduler. Debtors live in New York (EST, UTC−5): 06:00 local is 11:00Z, 08:00 local 13:00Z.
 * Every case is due on Tuesday 2026-12-01 ("tomorrow" on Monday 2026-11-30).
 */
const AT_6_LOCAL = new Date('2026-11-30T11:00:00Z');
const AT_8_LOCAL = new Date('2026-11-30T13:00:00Z');
const AT_10_LOCAL = new Date('2026-11-30T15:00:00Z');
const minutes = (at: Date, n: number) => new Date(at.getTime() + n * 60_000);

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

/** A portfolio with steps at −3 and −1 (SMS) and +3 (email), and one case due tomorrow with a consenting mobile. */
async function world(extraSteps: Array<{ offsetDays: number; channel: 'sms' | 'email' }> = []) {
  const db = handle.db;
  const portfolio = await buildPortfolio(db);
  const sms = await buildTemplate(db, { channel: 'sms', portfolioId: portfolio.id });
  const email = await buildTemplate(db, { channel: 'email', subject: 'Your payment is due' });
  const template = (channel: 'sms' | 'email') => (channel === 'sms' ? sms.id : email.id);
  const steps = [
    { offsetDays: -3, channel: 'sms' as const },
    { offsetDays: -1, channel: 'sms' as const },
    ...extraSteps,
    { offsetDays: 3, channel: 'email' as const },
  ].map((step) => ({ ...step, templateId: template(step.channel) }));
  await buildStrategy(db, portfolio.id, steps);
  const debtor = await buildDebtor(db, { explicitTimeZone: 'America/New_York' });
  const mobile = await buildContactPoint(db, debtor.id, { kind: 'mobile', verified: true });
  const inbox = await buildContactPoint(db, debtor.id, { kind: 'email', verified: true });
  const caseRow = await buildCase(db, {
    portfolioId: portfolio.id,
    debtorId: debtor.id,
    dueDate: '2026-12-01',
    stage: 'reminder',
  });
  return { portfolio, debtor, mobile, inbox, caseRow, sms, email };
}

const sendsOf = (caseId: string) =>
  handle.db
    .select()
    .from(reminderSends)
    .where(eq(reminderSends.caseId, caseId))
    .orderBy(asc(reminderSends.id));
const contactsOf = (caseId: string) =>
  handle.db.select().from(contactLog).where(eq(contactLog.caseId, caseId)).orderBy(asc(contactLog.id));
async function messagesOf(caseId: string) {
  const rows = await handle.db.select().from(outboundMessages).orderBy(asc(outboundMessages.id));
  return rows.filter((m) => m.idempotencyKey.startsWith(`reminder:${caseId}:`));
}

it('a case due tomorrow gets exactly its reminder, at a time the rules allow', async () => {
  const { caseRow, mobile } = await world();
  // 06:00 in New York: the time-of-day rule blocks it and names 08:00 local as the next allowed instant.
  const early = await runReminders(handle.db, { now: AT_6_LOCAL });
  expect(early).toMatchObject({ blocked: 1, sent: 0 });
  let [send] = await sendsOf(caseRow.id);
  expect(send).toMatchObject({ state: 'blocked', offsetDays: -1, attempts: 1 });
  expect(send?.nextAttemptAt).toEqual(AT_8_LOCAL);
  expect(send?.reason).toMatch(/US-/);
  const [blocked] = await handle.db
    .select()
    .from(complianceDecisions)
    .where(eq(complianceDecisions.id, send!.lastDecisionId!));
  expect(blocked).toMatchObject({ outcome: 'blocked', actorId: null, caseId: caseRow.id, actionKind: 'sms' });
  expect(await contactsOf(caseRow.id)).toHaveLength(0);

  // 07:45: still before the retry time; nothing happens.
  expect(await runReminders(handle.db, { now: minutes(AT_8_LOCAL, -15) })).toMatchObject({ considered: 0 });

  // 08:00 local: sent, once; the −3 step (its day is past) is never sent on top of it.
  expect(await runReminders(handle.db, { now: AT_8_LOCAL })).toMatchObject({ sent: 1 });
  [send] = await sendsOf(caseRow.id);
  expect(send).toMatchObject({ state: 'sent', attempts: 2 });
  expect(await sendsOf(caseRow.id)).toHaveLength(1);
  const contacts = await contactsOf(caseRow.id);
  expect(contacts).toHaveLength(1);
  expect(contacts[0]).toMatchObject({
    kind: 'sms',
    direction: 'outbound',
    outcome: 'sent',
    agentId: null,
    contactPointId: mobile.id,
    occurredAt: AT_8_LOCAL,
  });
  expect(contacts[0]?.body).toContain('is due on 2026-12-01');
  const messages = await messagesOf(caseRow.id);
  expect(messages).toHaveLength(1);
  expect(messages[0]).toMatchObject({ channel: 'sms', recipient: mobile.value });

  // Later runs the same day and the next send nothing more.
  expect(await runReminders(handle.db, { now: minutes(AT_8_LOCAL, 15) })).toMatchObject({ sent: 0 });
  expect(await runReminders(handle.db, { now: AT_10_LOCAL })).toMatchObject({ sent: 0 });
  expect(await contactsOf(caseRow.id)).toHaveLength(1);
});

it('a reminder the engine gives no time for is recorded as blocked and the step skipped with the reason', async () => {
  const { caseRow, debtor } = await world();
  await handle.db.insert(optOuts).values({ debtorId: debtor.id, channel: 'sms', at: AT_6_LOCAL });
  expect(await runReminders(handle.db, { now: AT_10_LOCAL })).toMatchObject({ skipped: 1, sent: 0 });
  const [send] = await sendsOf(caseRow.id);
  expect(send).toMatchObject({ state: 'skipped', nextAttemptAt: null });
  expect(send?.reason).toMatch(/no time the rules would allow it/);
  const decisions = await handle.db
    .select()
    .from(complianceDecisions)
    .where(and(eq(complianceDecisions.caseId, caseRow.id), isNull(complianceDecisions.actorId)));
  expect(decisions.map((d) => d.outcome)).toEqual(['blocked']);
  expect(await runReminders(handle.db, { now: minutes(AT_10_LOCAL, 15) })).toMatchObject({ considered: 0 });
  expect(await contactsOf(caseRow.id)).toHaveLength(0);
});

it('a crash after the provider accepted the message, before it was marked sent, neither loses nor duplicates it', async () => {
  const { caseRow } = await world();
  const crash = runReminders(handle.db, {
    now: AT_10_LOCAL,
    faults: {
      afterSend: () => {
        throw new Error('power cut');
      },
    },
  });
  await expect(crash).rejects.toThrow('power cut');
  expect((await sendsOf(caseRow.id))[0]).toMatchObject({ state: 'sending' });
  expect(await messagesOf(caseRow.id)).toHaveLength(1);
  expect(await contactsOf(caseRow.id)).toHaveLength(1);

  // The restarted server's next run sends again under the same key: the provider keeps one message.
  expect(await runReminders(handle.db, { now: minutes(AT_10_LOCAL, 15) })).toMatchObject({
    resent: 1,
    sent: 0,
  });
  expect((await sendsOf(caseRow.id))[0]).toMatchObject({ state: 'sent' });
  expect(await messagesOf(caseRow.id)).toHaveLength(1);
  expect(await contactsOf(caseRow.id)).toHaveLength(1);
  expect(await runReminders(handle.db, { now: minutes(AT_10_LOCAL, 30) })).toMatchObject({
    resent: 0,
    sent: 0,
  });
  expect(await messagesOf(caseRow.id)).toHaveLength(1);
});

it('a crash after the decision and contact were recorded, before the provider was called, still sends it once', async () => {
  const { caseRow } = await world();
  const crash = runReminders(handle.db, {
    now: AT_10_LOCAL,
    faults: {
      afterRecord: () => {
        throw new Error('killed');
      },
    },
  });
  await expect(crash).rejects.toThrow('killed');
  expect((await sendsOf(caseRow.id))[0]).toMatchObject({ state: 'sending' });
  // The channel's outbox row was written with the decision and the contact; nothing was handed off yet.
  expect((await messagesOf(caseRow.id)).map((m) => m.state)).toEqual(['queued']);
  expect(await contactsOf(caseRow.id)).toHaveLength(1);

  expect(await runReminders(handle.db, { now: minutes(AT_10_LOCAL, 15) })).toMatchObject({ resent: 1 });
  expect(await messagesOf(caseRow.id)).toHaveLength(1);
  expect(await contactsOf(caseRow.id)).toHaveLength(1);
  expect((await sendsOf(caseRow.id))[0]).toMatchObject({ state: 'sent' });
});

it('a reminder left sending by a crash before the channels outbox existed is queued from its record and sent once', async () => {
  const { caseRow, mobile, sms } = await world();
  const contact = await buildContact(handle.db, caseRow, {
    kind: 'sms',
    outcome: 'sent',
    contactPointId: mobile.id,
    purpose: 'collection',
    disclosures: ['opt_out'],
    occurredAt: AT_10_LOCAL,
  });
  const key = `reminder:${caseRow.id}:before-upgrade`;
  await handle.db.insert(reminderSends).values({
    idempotencyKey: key,
    caseId: caseRow.id,
    stepId: sms.id,
    offsetDays: -1,
    channel: 'sms',
    templateId: sms.id,
    state: 'sending',
    attempts: 1,
    contactLogId: contact.id,
    details: { recipient: mobile.value, subject: null, body: 'Your payment is due.' },
  });
  expect(await runReminders(handle.db, { now: minutes(AT_10_LOCAL, 15) })).toMatchObject({ resent: 1 });
  const messages = await messagesOf(caseRow.id);
  expect(messages).toEqual([
    expect.objectContaining({
      idempotencyKey: key,
      state: 'sent',
      recipient: mobile.value,
      contactLogId: contact.id,
    }),
  ]);
  const [send] = await handle.db.select().from(reminderSends).where(eq(reminderSends.idempotencyKey, key));
  expect(send).toMatchObject({ state: 'sent', providerMessageId: `dev-${messages[0]!.id}` });
  // Its real step is still due; the case leaves the book so the next tests' runs do not send it.
  await handle.db.update(cases).set({ status: 'returned' }).where(eq(cases.id, caseRow.id));
});

it('sends at most one reminder per case per run, even with two steps due the same day', async () => {
  const { caseRow } = await world([{ offsetDays: -1, channel: 'email' }]);
  expect(await runReminders(handle.db, { now: AT_10_LOCAL })).toMatchObject({ sent: 1 });
  expect(await contactsOf(caseRow.id)).toHaveLength(1);
  expect(await runReminders(handle.db, { now: minutes(AT_10_LOCAL, 15) })).toMatchObject({ sent: 1 });
  const kinds = (await contactsOf(caseRow.id)).map((c) => c.kind);
  expect(kinds).toEqual(['sms', 'email']);
  expect(await runReminders(handle.db, { now: minutes(AT_10_LOCAL, 30) })).toMatchObject({ sent: 0 });
});

it('leaves cases off the reminder rung, closed cases and cases with no step due yet', async () => {
  const { portfolio, debtor } = await world();
  const agentStage = await buildCase(handle.db, {
    portfolioId: portfolio.id,
    debtorId: debtor.id,
    dueDate: '2026-12-01',
    stage: 'agent',
  });
  const paid = await buildCase(handle.db, {
    portfolioId: portfolio.id,
    debtorId: debtor.id,
    dueDate: '2026-12-01',
    status: 'paid',
  });
  const later = await buildCase(handle.db, {
    portfolioId: portfolio.id,
    debtorId: debtor.id,
    dueDate: '2026-12-20',
  });
  await runReminders(handle.db, { now: AT_10_LOCAL });
  for (const c of [agentStage, paid, later]) expect(await sendsOf(c.id)).toHaveLength(0);
});
