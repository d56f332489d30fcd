import { createHmac } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/client.ts';
import {
  auditEvents,
  contactLog,
  contactPoints,
  jobs,
  optOuts,
  portfolioChannelSettings,
  reminderSends,
} from '../../server/src/db/schema/index.ts';
import { loadCaseFacts } from '../../server/src/modules/case-core/case-core.service.ts';
import { BOUNCE_PATH } from '../../server/src/modules/channels/channels.http.ts';
import { configureChannels } from '../../server/src/modules/channels/config.ts';
import { DELIVER_JOB } from '../../server/src/modules/channels/outbox.ts';
import { closeTransports } from '../../server/src/modules/channels/providers.ts';
import { runReminders } from '../../server/src/modules/reminders/scheduler.ts';
import { buildCase, buildContactPoint, buildDebtor, buildPortfolio } from './support/builders.ts';
import {
  contactsOfCase,
  hardBounceDsn,
  messageOfCase,
  startSmtpServer,
  statesOfMessage,
} from './support/channels.ts';
import { createTestDatabase } from './support/db.ts';
import { startHttpApp } from './support/http-app.ts';
import { buildStrategy, buildTemplate } from './support/reminders.ts';

/**
 * Email over SMTP against a real SMTP server on localhost (smtp-server; what arrives is parsed with mailparser).
 * Debtors live in New York; the case is due Tuesday 2026-12-01, and 10:00 local on Monday is 15:00Z.
 */
const AT_10_LOCAL = new Date('2026-11-30T15:00:00Z');
const NEXT_DAY = new Date('2026-12-01T15:00:00Z');
const BOUNCE_SECRET = 'bounce-secret-for-the-test-0123456789';

let handle: DatabaseHandle;
let clock = AT_10_LOCAL;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let http: Awaited<ReturnType<typeof startHttpApp>>;

beforeAll(async () => {
  handle = await createTestDatabase();
  // The server refuses one kind of address for good (550 at RCPT TO), as a mailbox provider does a dead one.
  smtp = await startSmtpServer({ refuse: (address) => address.startsWith('gone-') });
  // The server's clock is the test's: a bounce or an opt-out lands at the instant the test says.
  http = await startHttpApp(handle.db, { now: () => clock });
  configureChannels({
    smtpUrl: smtp.url,
    publicBaseUrl: http.base,
    bounceSecret: BOUNCE_SECRET,
    linkSecret: 'link-secret-for-the-test-0123456789',
  });
});
afterAll(async () => {
  configureChannels(null);
  closeTransports();
  await smtp.close();
  await http.close();
  await handle.close();
});

/** A portfolio sending as its agency, an email step the day before the due date, and a debtor with an inbox. */
async function world(options: { language?: 'en' | 'zh'; secondStep?: boolean } = {}) {
  const db = handle.db;
  const portfolio = await buildPortfolio(db);
  await db.insert(portfolioChannelSettings).values({
    portfolioId: portfolio.id,
    emailFromName: 'Acme Recovery Services LLC',
    emailFromAddress: 'collections@acme-recovery.example.test',
  });
  const zh = options.language === 'zh';
  const email = await buildTemplate(db, {
    channel: 'email',
    portfolioId: portfolio.id,
    language: zh ? 'zh-CN' : 'en-US',
    subject: zh ? '还款提醒' : 'Your payment is due',
    body: zh
      ? '{{name}}您好，{{amount}}将于{{dueDate}}到期。'
      : 'Hello {{name}}, {{amount}} is due on {{dueDate}}.',
  });
  const steps = [{ offsetDays: -1, channel: 'email' as const, templateId: email.id }];
  if (options.secondStep) steps.push({ offsetDays: 0, channel: 'email', templateId: email.id });
  await buildStrategy(db, portfolio.id, steps);
  const debtor = await buildDebtor(db, { explicitTimeZone: 'America/New_York' });
  const inbox = await buildContactPoint(db, debtor.id, { kind: 'email', verified: true });
  const caseRow = await buildCase(db, {
    portfolioId: portfolio.id,
    debtorId: debtor.id,
    dueDate: '2026-12-01',
    stage: 'reminder',
  });
  return { portfolio, debtor, inbox, caseRow };
}

const messageTo = (address: string) =>
  smtp.received.find((m) => m.to && JSON.stringify(m.to).includes(address));
const messageOf = (caseId: string) => messageOfCase(handle.db, caseId);
const statesOf = (messageId: number) => statesOfMessage(handle.db, messageId);

it('a reminder email arrives from the agency, with List-Unsubscribe one-click and an opt-out link that works at once', async () => {
  const { inbox, caseRow, debtor } = await world();
  expect(await runReminders(handle.db, { now: AT_10_LOCAL })).toMatchObject({ sent: 1 });

  const mail = messageTo(inbox.value);
  expect(mail, 'the SMTP server received the reminder').toBeDefined();
  expect(mail!.from?.value[0]).toEqual({
    name: 'Acme Recovery Services LLC',
    address: 'collections@acme-recovery.example.test',
  });
  expect(mail!.subject).toBe('Your payment is due');
  // mailparser gathers the List-* headers under `list`.
  const list = mail!.headers.get('list') as {
    unsubscribe?: { url?: string };
    'unsubscribe-post'?: { name?: string };
  };
  expect(list['unsubscribe-post']?.name).toBe('List-Unsubscribe=One-Click');
  const url = list.unsubscribe?.url;
  const line = mail!.headerLines.find((h) => h.key === 'list-unsubscribe')?.line.replace(/\r?\n[ \t]+/g, '');
  expect(line?.replace(/^List-Unsubscribe:\s*/, '')).toBe(`<${url}>`);
  expect(url).toMatch(new RegExp(`^${http.base}/api/public/unsubscribe/`));
  // The same link stands in the body, in plain words.
  expect(mail!.text).toContain('is due on 2026-12-01');
  expect(mail!.text).toContain(
    `To stop receiving emails from us, open this link; it takes effect at once: ${url}`,
  );

  const message = await messageOf(caseRow.id);
  expect(message).toMatchObject({
    channel: 'email',
    state: 'sent',
    provider: 'smtp',
    recipient: inbox.value,
  });
  expect(message.providerMessageId).toBe(mail!.messageId);
  expect(await statesOf(message.id)).toEqual(['queued', 'sent']);

  // RFC 8058: a POST of List-Unsubscribe=One-Click to the same address opts out, no sign-in; again changes nothing.
  for (let i = 0; i < 2; i++) {
    const res = await fetch(url!, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(res.status).toBe(200);
  }
  const recorded = await handle.db.select().from(optOuts).where(eq(optOuts.debtorId, debtor.id));
  expect(recorded).toEqual([
    expect.objectContaining({ channel: 'email', contactPointId: inbox.id, recordedBy: null }),
  ]);
  const audits = await handle.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, 'channels.emailOptOut'), eq(auditEvents.entityId, debtor.id)));
  expect(audits).toHaveLength(1);
  expect(audits[0]).toMatchObject({ actorId: null, caseId: caseRow.id });

  // The link opened in a browser answers a page; a forged token is refused without recording anything.
  const page = await fetch(url!);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('You are unsubscribed');
  const forged = await fetch(`${url!.slice(0, -3)}AAA`, { method: 'POST' });
  expect(forged.status).toBe(400);
});

it('a Chinese reader gets the email and the opt-out page in Chinese', async () => {
  const { inbox, caseRow } = await world({ language: 'zh' });
  expect(await runReminders(handle.db, { now: AT_10_LOCAL })).toMatchObject({ sent: 1 });
  const mail = messageTo(inbox.value)!;
  expect(mail.subject).toBe('还款提醒');
  expect(mail.text).toContain('到期');
  const url = /https?:\/\/\S+\/api\/public\/unsubscribe\/\S+/.exec(mail.text ?? '')?.[0];
  expect(mail.text).toContain(`如不想再收到我们的电子邮件，请打开此链接，即时生效：${url}`);
  const page = await fetch(url!);
  expect(await page.text()).toContain('已退订');
  expect((await messageOf(caseRow.id)).language).toBe('zh');
});

it('a hard bounce (a DSN to the bounce webhook) marks the address undeliverable, counts toward no cap, and the next email is refused', async () => {
  const { inbox, caseRow, debtor } = await world({ secondStep: true });
  expect(await runReminders(handle.db, { now: AT_10_LOCAL })).toMatchObject({ sent: 1 });
  const mail = messageTo(inbox.value)!;
  const message = await messageOf(caseRow.id);
  const dsn = hardBounceDsn({
    recipient: inbox.value,
    messageKey: message.idempotencyKey,
    messageId: mail.messageId!,
  });
  const post = (body: string, signature?: string) =>
    fetch(`${http.base}${BOUNCE_PATH}`, {
      method: 'POST',
      headers: {
        'content-type': 'message/rfc822',
        ...(signature ? { 'x-arrearsdesk-signature': signature } : {}),
      },
      body,
    });
  const sign = (body: string) => `sha256=${createHmac('sha256', BOUNCE_SECRET).update(body).digest('hex')}`;

  // Unsigned or wrongly signed: not believed, nothing changes.
  expect((await post(dsn)).status).toBe(401);
  expect((await post(dsn, sign(`${dsn}x`))).status).toBe(401);
  expect((await messageOf(caseRow.id)).state).toBe('sent');

  clock = new Date(AT_10_LOCAL.getTime() + 60_000);
  const answer = await post(dsn, sign(dsn));
  expect(answer.status).toBe(200);
  expect(await answer.json()).toEqual({ reports: 1, bounced: 1 });
  // The same DSN again bounces nothing more.
  expect(await (await post(dsn, sign(dsn))).json()).toEqual({ reports: 1, bounced: 0 });

  const [point] = await handle.db.select().from(contactPoints).where(eq(contactPoints.id, inbox.id));
  expect(point!.undeliverableSince).toEqual(clock);
  expect(await statesOf(message.id)).toEqual(['queued', 'sent', 'bounced']);
  expect((await messageOf(caseRow.id)).state).toBe('bounced');

  // The contact log keeps the send and adds the bounce as a new row correcting it; the engine reads the bounce,
  // which counts toward no frequency cap.
  const contacts = await contactsOfCase(handle.db, caseRow.id);
  expect(contacts.map((c) => [c.outcome, c.correctsId])).toEqual([
    ['sent', null],
    ['bounced', contacts[0]!.id],
  ]);
  const facts = await loadCaseFacts(handle.db, caseRow.id, NEXT_DAY);
  const history = (facts!.base.history ?? []).filter((e) => e.contactPointId === inbox.id);
  expect(history.map((e) => e.outcome)).toEqual(['bounced']);

  // The next day's email step: the guard refuses the undeliverable address (POL-UNDELIVERABLE), and no mail goes out.
  const before = smtp.received.length;
  expect(await runReminders(handle.db, { now: NEXT_DAY })).toMatchObject({ sent: 0, skipped: 1 });
  const sends = await handle.db.select().from(reminderSends).where(eq(reminderSends.caseId, caseRow.id));
  const refused = sends.find((s) => s.offsetDays === 0);
  expect(refused?.reason).toMatch(/POL-UNDELIVERABLE/);
  expect(smtp.received.length).toBe(before);
  expect(debtor.id).toBeTruthy();
});

it('an address the SMTP server refuses for good is undeliverable at once, and no retry is queued', async () => {
  const { inbox, caseRow } = await world();
  await handle.db
    .update(contactPoints)
    .set({ value: `gone-${inbox.value}` })
    .where(eq(contactPoints.id, inbox.id));
  expect(await runReminders(handle.db, { now: AT_10_LOCAL })).toMatchObject({ sent: 1 });
  const message = await messageOf(caseRow.id);
  expect(message.state).toBe('undeliverable');
  expect(message.provider).toBe('smtp');
  expect(await statesOf(message.id)).toEqual(['queued', 'undeliverable']);
  const [point] = await handle.db.select().from(contactPoints).where(eq(contactPoints.id, inbox.id));
  expect(point!.undeliverableSince).toEqual(AT_10_LOCAL);
  const contacts = await handle.db.select().from(contactLog).where(eq(contactLog.caseId, caseRow.id));
  expect(contacts.map((c) => c.outcome).sort()).toEqual(['bounced', 'sent']);
  const retries = await handle.db.select().from(jobs).where(eq(jobs.name, DELIVER_JOB));
  expect(retries.filter((j) => (j.payload as { messageId?: number }).messageId === message.id)).toEqual([]);
});
