import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/client.ts';
import {
  jobs,
  optOuts,
  outboundMessageEvents,
  portfolioChannelSettings,
} from '../../server/src/db/schema/index.ts';
import { jobDefinitions } from '../../server/src/jobs/registry.ts';
import { JobRunner } from '../../server/src/jobs/runner.ts';
import { DELIVER_JOB, handOff, retryMessage } from '../../server/src/modules/channels/outbox.ts';
import { runReminders } from '../../server/src/modules/reminders/scheduler.ts';
import { buildCase, buildContactPoint, buildDebtor, buildPortfolio } from './support/builders.ts';
import { contactsOfCase, messageOfCase, startPushEndpoint, statesOfMessage } from './support/channels.ts';
import { createTestDatabase } from './support/db.ts';
import { buildStrategy, buildTemplate } from './support/reminders.ts';

/** The creditor's app push: a signed webhook to a local endpoint, retried from the job queue, once per key. */
const AT_10_LOCAL = new Date('2026-11-30T15:00:00Z');
const seconds = (at: Date, n: number) => new Date(at.getTime() + n * 1000);
const SECRET = 'creditor-push-secret-0123456789';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

async function world(pushUrl: string) {
  const db = handle.db;
  const portfolio = await buildPortfolio(db);
  await db
    .insert(portfolioChannelSettings)
    .values({ portfolioId: portfolio.id, pushUrl, pushSecret: SECRET });
  const push = await buildTemplate(db, {
    channel: 'app_push',
    portfolioId: portfolio.id,
    subject: 'Payment due',
  });
  await buildStrategy(db, portfolio.id, [{ offsetDays: -1, channel: 'app_push', templateId: push.id }]);
  const debtor = await buildDebtor(db, { explicitTimeZone: 'America/New_York' });
  const app = await buildContactPoint(db, debtor.id, { kind: 'app', value: 'install-abc', verified: true });
  const caseRow = await buildCase(db, {
    portfolioId: portfolio.id,
    debtorId: debtor.id,
    dueDate: '2026-12-01',
    stage: 'reminder',
  });
  return { debtor, app, caseRow };
}

const messageOf = (caseId: string) => messageOfCase(handle.db, caseId);
const statesOf = (messageId: number) => statesOfMessage(handle.db, messageId);
const runner = () =>
  new JobRunner({ db: handle.db, definitions: jobDefinitions.filter((d) => d.name === DELIVER_JOB) });

it('a push the endpoint refuses with 500 is retried from the job queue and recorded delivered, signed each time, once per key', async () => {
  const endpoint = await startPushEndpoint(SECRET, [
    { status: 500 },
    { status: 200, body: { status: 'delivered', id: 'creditor-msg-1' } },
  ]);
  try {
    const { caseRow, app } = await world(endpoint.url);
    expect(await runReminders(handle.db, { now: AT_10_LOCAL })).toMatchObject({ sent: 1 });
    let message = await messageOf(caseRow.id);
    expect(message).toMatchObject({
      channel: 'app_push',
      state: 'failed',
      provider: 'push',
      recipient: app.value,
    });
    expect(endpoint.requests).toHaveLength(1);

    // The failed attempt's contact row is corrected to `failed`; the retry waits on the queue with its backoff.
    const [job] = await handle.db.select().from(jobs).where(eq(jobs.name, DELIVER_JOB));
    expect(job!.runAt.getTime()).toBeGreaterThan(AT_10_LOCAL.getTime());
    expect((await runner().runDue(seconds(AT_10_LOCAL, 5))).ran).toBe(0);
    await runner().runDue(seconds(AT_10_LOCAL, 31));

    message = await messageOf(caseRow.id);
    expect(message).toMatchObject({ state: 'delivered', providerMessageId: 'creditor-msg-1', attempts: 2 });
    expect(await statesOf(message.id)).toEqual(['queued', 'failed', 'queued', 'sent', 'delivered']);
    expect(endpoint.requests.map((r) => [r.key, r.verified])).toEqual([
      [message.idempotencyKey, true],
      [message.idempotencyKey, true],
    ]);
    expect(endpoint.requests[1]!.body).toMatchObject({
      messageKey: message.idempotencyKey,
      recipient: 'install-abc',
    });

    const contacts = await contactsOfCase(handle.db, caseRow.id);
    expect(contacts.map((c) => [c.outcome, c.correctsId])).toEqual([
      ['sent', null],
      ['failed', contacts[0]!.id],
      ['sent', null],
      ['sent', contacts[2]!.id],
    ]);
    expect(contacts[3]!.details).toMatchObject({ deliveryState: 'delivered' });

    // A replay with the same key — the scheduler's hand-off again, the job again — reaches the creditor no more.
    expect(await handOff(handle.db, message.idempotencyKey, seconds(AT_10_LOCAL, 60))).toBe('already');
    expect(await retryMessage(handle.db, message.id, seconds(AT_10_LOCAL, 60))).toBe('already');
    await runner().runDue(seconds(AT_10_LOCAL, 3600));
    expect(endpoint.requests).toHaveLength(2);
    expect([...endpoint.delivered]).toEqual([message.idempotencyKey]);
  } finally {
    await endpoint.close();
  }
});

it('a retry is judged again: a debtor who opted out of push in between gets nothing, and the refusal is kept', async () => {
  const endpoint = await startPushEndpoint(SECRET, [{ status: 503 }]);
  try {
    const { caseRow, debtor } = await world(endpoint.url);
    await runReminders(handle.db, { now: AT_10_LOCAL });
    const message = await messageOf(caseRow.id);
    expect(message.state).toBe('failed');
    await handle.db
      .insert(optOuts)
      .values({ debtorId: debtor.id, channel: 'app_push', at: seconds(AT_10_LOCAL, 10) });

    expect(await retryMessage(handle.db, message.id, seconds(AT_10_LOCAL, 31))).toBe('refused');
    const after = await messageOf(caseRow.id);
    expect(after.state).toBe('refused');
    expect(after.lastError).toMatch(/US-REGF-MEDIUM/);
    const events = await handle.db
      .select()
      .from(outboundMessageEvents)
      .where(eq(outboundMessageEvents.messageId, message.id))
      .orderBy(asc(outboundMessageEvents.id));
    expect(events.map((e) => e.state)).toEqual(['queued', 'failed', 'refused']);
    expect(events[2]!.decisionId).not.toBeNull();
    expect(endpoint.requests).toHaveLength(1);
  } finally {
    await endpoint.close();
  }
});
