import { createHmac } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/client.ts';
import {
  contactPoints,
  inboundReplies,
  optOuts,
  portfolioChannelSettings,
} from '../../server/src/db/schema/index.ts';
import { AppError } from '../../server/src/errors.ts';
import { configureChannels } from '../../server/src/modules/channels/config.ts';
import {
  classifyReplyByPerson,
  repliesOfCase,
  repliesToRead,
  sendSms,
} from '../../server/src/modules/channels/sms.service.ts';
import { TWILIO_INBOUND_PATH, TWILIO_STATUS_PATH } from '../../server/src/modules/channels/twilio.ts';
import { letterSender } from '../../server/src/modules/letters/sender.ts';
import {
  buildCase,
  buildContactPoint,
  buildDebtor,
  buildPortfolio,
  buildTeam,
  buildUser,
} from './support/builders.ts';
import { contactsOfCase, messageOfCase, startTwilioApi, statesOfMessage } from './support/channels.ts';
import { createTestDatabase } from './support/db.ts';
import { startHttpApp } from './support/http-app.ts';
import { buildTemplate } from './support/reminders.ts';

/**
 * SMS through Twilio's Programmable Messaging API against a local server that speaks it; Twilio's webhooks (delivery
 * states, inbound texts) posted to the real app, signed as Twilio signs them. Debtors live in New York; 10:00 local
 * on Monday 2026-11-30 is 15:00Z.
 */
const AT_10_LOCAL = new Date('2026-11-30T15:00:00Z');
const ACCOUNT = 'AC00000000000000000000000000000001';
const TOKEN = 'twilio-auth-token-for-the-test';
const FROM = '+15550009999';
const minutes = (n: number) => new Date(AT_10_LOCAL.getTime() + n * 60_000);

let handle: DatabaseHandle;
let clock = AT_10_LOCAL;
let twilio: Awaited<ReturnType<typeof startTwilioApi>>;
let http: Awaited<ReturnType<typeof startHttpApp>>;

beforeAll(async () => {
  handle = await createTestDatabase();
  twilio = await startTwilioApi(ACCOUNT, TOKEN);
  http = await startHttpApp(handle.db, { now: () => clock });
  configureChannels({
    publicBaseUrl: http.base,
    twilioAccountSid: ACCOUNT,
    twilioAuthToken: TOKEN,
    twilioFrom: FROM,
    twilioApiBase: twilio.url,
  });
});
afterAll(async () => {
  configureChannels(null);
  await twilio.close();
  await http.close();
  await handle.close();
});

/** Twilio's signature, written out here from its documentation (the URL, then each name+value in name order). */
function sign(url: string, params: Record<string, string>): string {
  const data =
    url +
    Object.keys(params)
      .sort()
      .map((name) => `${name}${params[name]}`)
      .join('');
  return createHmac('sha1', TOKEN).update(data).digest('base64');
}

function post(path: string, params: Record<string, string>, signature?: string) {
  return fetch(`${http.base}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(signature ? { 'x-twilio-signature': signature } : {}),
    },
    body: new URLSearchParams(params).toString(),
  });
}
const signedPost = (path: string, params: Record<string, string>) =>
  post(path, params, sign(`${http.base}${path}`, params));

async function world() {
  const db = handle.db;
  const team = await buildTeam(db);
  const portfolio = await buildPortfolio(db);
  const debtor = await buildDebtor(db, { explicitTimeZone: 'America/New_York' });
  const mobile = await buildContactPoint(db, debtor.id, { kind: 'mobile', verified: true });
  const caseRow = await buildCase(db, {
    portfolioId: portfolio.id,
    debtorId: debtor.id,
    teamId: team.id,
    stage: 'reminder',
  });
  const supervisor = await buildUser(db, 'supervisor', { supervises: [team.id] });
  return { debtor, mobile, caseRow, supervisor };
}

let keys = 0;
const collectionText = (caseId: string, contactPointId: string, now: Date) =>
  sendSms(handle.db, {
    caseId,
    contactPointId,
    body: 'Your payment is due. Call us.',
    purpose: 'collection',
    disclosures: ['mini_miranda_initial', 'opt_out'],
    idempotencyKey: `test-sms-${++keys}`,
    now,
  });

/** The rule ids a refusal names (BLOCKED_BY_RULE with the verdict). */
async function refusedBy(promise: Promise<unknown>): Promise<string[]> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).appCode).toBe('BLOCKED_BY_RULE');
  const verdict = (error as AppError).details?.verdict as { violations: ReadonlyArray<{ ruleId: string }> };
  return verdict.violations.map((v) => v.ruleId);
}

const inbound = (from: string, body: string) => ({
  MessageSid: `SMin${++keys}`,
  AccountSid: ACCOUNT,
  From: from,
  To: FROM,
  Body: body,
  NumSegments: '1',
});

it('sends through the Twilio API and believes a signed delivery callback only: a forged one is 403 and changes nothing', async () => {
  const { caseRow, mobile } = await world();
  const before = twilio.sends.length;
  expect(await collectionText(caseRow.id, mobile.id, AT_10_LOCAL)).toBe('sent');
  const sent = twilio.sends.slice(before);
  expect(sent).toEqual([
    {
      To: mobile.value,
      From: FROM,
      Body: 'Your payment is due. Call us.',
      StatusCallback: `${http.base}${TWILIO_STATUS_PATH}`,
    },
  ]);
  const message = await messageOfCase(handle.db, caseRow.id);
  expect(message).toMatchObject({ provider: 'twilio', state: 'sent', channel: 'sms' });
  expect(message.providerMessageId).toMatch(/^SM\d{32}$/);

  const delivered = {
    MessageSid: message.providerMessageId!,
    MessageStatus: 'delivered',
    AccountSid: ACCOUNT,
    To: mobile.value,
    From: FROM,
  };
  clock = minutes(1);
  // Unsigned, signed with another token, signed over other parameters: refused, nothing recorded.
  expect((await post(TWILIO_STATUS_PATH, delivered)).status).toBe(403);
  const forged = createHmac('sha1', 'not-the-token')
    .update(`${http.base}${TWILIO_STATUS_PATH}`)
    .digest('base64');
  expect((await post(TWILIO_STATUS_PATH, delivered, forged)).status).toBe(403);
  const otherParams = sign(`${http.base}${TWILIO_STATUS_PATH}`, { ...delivered, MessageStatus: 'sent' });
  expect((await post(TWILIO_STATUS_PATH, delivered, otherParams)).status).toBe(403);
  expect(await statesOfMessage(handle.db, message.id)).toEqual(['queued', 'sent']);
  expect((await contactsOfCase(handle.db, caseRow.id)).map((c) => c.outcome)).toEqual(['sent']);

  const answer = await signedPost(TWILIO_STATUS_PATH, delivered);
  expect(answer.status).toBe(200);
  expect(await answer.json()).toEqual({ recorded: true });
  // Twilio repeats callbacks: the same state again records nothing more.
  expect(await (await signedPost(TWILIO_STATUS_PATH, delivered)).json()).toEqual({ recorded: false });

  expect(await statesOfMessage(handle.db, message.id)).toEqual(['queued', 'sent', 'delivered']);
  expect((await messageOfCase(handle.db, caseRow.id)).state).toBe('delivered');
  const contacts = await contactsOfCase(handle.db, caseRow.id);
  expect(contacts.map((c) => [c.outcome, c.correctsId])).toEqual([
    ['sent', null],
    ['sent', contacts[0]!.id],
  ]);
  expect(contacts[1]!.details).toMatchObject({ deliveryState: 'delivered' });
});

it('an undelivered callback corrects the contact row so the text counts toward nothing', async () => {
  const { caseRow, mobile } = await world();
  await collectionText(caseRow.id, mobile.id, AT_10_LOCAL);
  const message = await messageOfCase(handle.db, caseRow.id);
  clock = minutes(2);
  const params = {
    MessageSid: message.providerMessageId!,
    MessageStatus: 'undelivered',
    ErrorCode: '30003',
  };
  expect((await signedPost(TWILIO_STATUS_PATH, params)).status).toBe(200);
  expect(await statesOfMessage(handle.db, message.id)).toEqual(['queued', 'sent', 'undeliverable']);
  const contacts = await contactsOfCase(handle.db, caseRow.id);
  expect(contacts.map((c) => c.outcome)).toEqual(['sent', 'bounced']);
  // 30003 (unreachable handset) is no verdict on the number: it stays deliverable.
  const [point] = await handle.db.select().from(contactPoints).where(eq(contactPoints.id, mobile.id));
  expect(point!.undeliverableSince).toBeNull();
});

it.each([['STOP'], ['please stop texting me'], ['退订']])(
  'an inbound %j opts the number out and revokes consent at once, confirmed once even when it comes twice',
  async (text) => {
    const { caseRow, mobile, debtor } = await world();
    const before = twilio.sends.length;
    clock = minutes(3);
    const first = inbound(mobile.value, text);
    const answer = await signedPost(TWILIO_INBOUND_PATH, first);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/xml/);
    expect(await answer.text()).toContain('<Response/>');

    const replies = await handle.db
      .select()
      .from(inboundReplies)
      .where(eq(inboundReplies.debtorId, debtor.id));
    expect(replies).toMatchObject([{ body: text, classification: 'stop', contactPointId: mobile.id }]);
    const [point] = await handle.db.select().from(contactPoints).where(eq(contactPoints.id, mobile.id));
    expect(point!.consentRevokedAt).toEqual(minutes(3));
    expect(await handle.db.select().from(optOuts).where(eq(optOuts.debtorId, debtor.id))).toMatchObject([
      { channel: 'sms', contactPointId: mobile.id },
    ]);

    // One transactional confirmation went out through Twilio to that number.
    const confirmations = () => twilio.sends.slice(before).filter((s) => s.To === mobile.value);
    expect(confirmations()).toHaveLength(1);
    expect(confirmations()[0]!.Body).toContain(letterSender().name);

    // The same text delivered again (Twilio retries a webhook): recorded once.
    expect((await signedPost(TWILIO_INBOUND_PATH, first)).status).toBe(200);
    expect(
      await handle.db.select().from(inboundReplies).where(eq(inboundReplies.debtorId, debtor.id)),
    ).toHaveLength(1);

    // STOP again: recorded, no second confirmation.
    clock = minutes(4);
    expect((await signedPost(TWILIO_INBOUND_PATH, inbound(mobile.value, 'STOP'))).status).toBe(200);
    expect(
      await handle.db.select().from(inboundReplies).where(eq(inboundReplies.debtorId, debtor.id)),
    ).toHaveLength(2);
    expect(confirmations()).toHaveLength(1);

    // The next collection text to that number is refused by the opt-out and the revocation.
    const rules = await refusedBy(collectionText(caseRow.id, mobile.id, minutes(5)));
    expect(rules).toEqual(expect.arrayContaining(['US-REGF-MEDIUM']));
    expect(rules.some((r) => r.startsWith('US-TCPA'))).toBe(true);
    expect(confirmations()).toHaveLength(1);
  },
);

it('HELP is answered with the agency identity and phone number; nothing is opted out', async () => {
  const { mobile, debtor } = await world();
  const before = twilio.sends.length;
  clock = minutes(6);
  expect((await signedPost(TWILIO_INBOUND_PATH, inbound(mobile.value, 'help'))).status).toBe(200);
  const answers = twilio.sends.slice(before).filter((s) => s.To === mobile.value);
  expect(answers).toHaveLength(1);
  expect(answers[0]!.Body).toContain(letterSender().name);
  expect(answers[0]!.Body).toContain(letterSender().phone);
  expect(await handle.db.select().from(optOuts).where(eq(optOuts.debtorId, debtor.id))).toEqual([]);
});

it('an unclassified reply holds texts to the number (POL-REPLY-HOLD) until a person reads it; a forged one is refused', async () => {
  const { caseRow, mobile, debtor, supervisor } = await world();
  clock = minutes(7);
  // A forged inbound text is refused and recorded nowhere.
  expect((await post(TWILIO_INBOUND_PATH, inbound(mobile.value, 'who is this?'), 'AAAA')).status).toBe(403);
  expect(await repliesOfCase(handle.db, caseRow.id)).toEqual([]);

  expect((await signedPost(TWILIO_INBOUND_PATH, inbound(mobile.value, 'who is this?'))).status).toBe(200);
  const [reply] = await repliesOfCase(handle.db, caseRow.id);
  expect(reply).toMatchObject({ body: 'who is this?', classification: 'unclassified', readAs: null });
  expect(await refusedBy(collectionText(caseRow.id, mobile.id, minutes(8)))).toContain('POL-REPLY-HOLD');
  // It waits among the replies to read of the case's supervisor, and of no one outside the team.
  expect(await repliesToRead(handle.db, supervisor)).toEqual([
    expect.objectContaining({ replyId: reply!.id, caseId: caseRow.id, body: 'who is this?' }),
  ]);
  const outsider = await buildUser(handle.db, 'supervisor', {
    supervises: [(await buildTeam(handle.db)).id],
  });
  expect(await repliesToRead(handle.db, outsider)).toEqual([]);

  expect(
    await classifyReplyByPerson(handle.db, {
      user: supervisor,
      caseId: caseRow.id,
      replyId: reply!.id,
      stop: false,
      now: minutes(9),
    }),
  ).toEqual({ classification: 'unclassified' });
  expect(await repliesOfCase(handle.db, caseRow.id)).toMatchObject([
    { id: reply!.id, readAs: 'not_stop', classifiedBy: supervisor.id },
  ]);
  // Read twice: refused, the first reading stands.
  await expect(
    classifyReplyByPerson(handle.db, {
      user: supervisor,
      caseId: caseRow.id,
      replyId: reply!.id,
      stop: true,
      now: minutes(10),
    }),
  ).rejects.toMatchObject({ appCode: 'CONFLICT' });
  expect(await collectionText(caseRow.id, mobile.id, minutes(11))).toBe('sent');
  expect(await repliesToRead(handle.db, supervisor)).toEqual([]);
  expect(await handle.db.select().from(optOuts).where(eq(optOuts.debtorId, debtor.id))).toEqual([]);
  const rows = await handle.db
    .select()
    .from(inboundReplies)
    .where(eq(inboundReplies.debtorId, debtor.id))
    .orderBy(asc(inboundReplies.id));
  expect(rows.map((r) => [r.classification, r.classifiesId])).toEqual([
    ['unclassified', null],
    ['unclassified', reply!.id],
  ]);
});

it('a reply a person reads as stop opts the number out and sends one confirmation', async () => {
  const { caseRow, mobile, supervisor } = await world();
  clock = minutes(12);
  await signedPost(TWILIO_INBOUND_PATH, inbound(mobile.value, '别烦我了行吗'));
  const [reply] = await repliesOfCase(handle.db, caseRow.id);
  expect(reply!.classification).toBe('unclassified');
  const before = twilio.sends.length;
  await classifyReplyByPerson(handle.db, {
    user: supervisor,
    caseId: caseRow.id,
    replyId: reply!.id,
    stop: true,
    now: minutes(13),
  });
  expect(twilio.sends.slice(before).filter((s) => s.To === mobile.value)).toHaveLength(1);
  const rules = await refusedBy(collectionText(caseRow.id, mobile.id, minutes(14)));
  expect(rules).toContain('US-REGF-MEDIUM');
});

it('China: a text carries the registered signature 【…】 and uses only templates approved for China', async () => {
  /** Wednesday 2026-11-11, 11:00 in Shanghai. */
  const SHANGHAI_MORNING = new Date('2026-11-11T03:00:00Z');
  const db = handle.db;
  const portfolio = await buildPortfolio(db, { country: 'CN', region: null, currency: 'CNY' });
  const debtor = await buildDebtor(db, {
    jurisdictionCountry: 'CN',
    jurisdictionRegion: null,
    explicitTimeZone: 'Asia/Shanghai',
    language: 'zh',
  });
  const mobile = await buildContactPoint(db, debtor.id, { kind: 'mobile', verified: true });
  const caseRow = await buildCase(db, { portfolioId: portfolio.id, debtorId: debtor.id, currency: 'CNY' });
  const approved = await buildTemplate(db, {
    channel: 'sms',
    portfolioId: portfolio.id,
    approvedForCnSms: true,
  });
  const other = await buildTemplate(db, { channel: 'sms', portfolioId: portfolio.id });
  const text = (templateId: string | null, at: Date) =>
    sendSms(db, {
      caseId: caseRow.id,
      contactPointId: mobile.id,
      body: '您的账单已到期，请及时还款。回复TD退订',
      purpose: 'collection',
      disclosures: ['opt_out'],
      templateId,
      idempotencyKey: `test-sms-${++keys}`,
      now: at,
    });
  const before = twilio.sends.length;

  // No signature registered for the portfolio: refused with its message code, nothing sent or recorded.
  await expect(text(approved.id, SHANGHAI_MORNING)).rejects.toMatchObject({
    appCode: 'INVALID_INPUT',
    message: expect.stringContaining('signature'),
  });
  await db.insert(portfolioChannelSettings).values({ portfolioId: portfolio.id, smsSignatureCn: '港湾巷' });
  // A template not approved for China, or none: refused.
  await expect(text(other.id, SHANGHAI_MORNING)).rejects.toMatchObject({ appCode: 'INVALID_INPUT' });
  await expect(text(null, SHANGHAI_MORNING)).rejects.toMatchObject({ appCode: 'INVALID_INPUT' });
  expect(twilio.sends.length).toBe(before);
  expect(await contactsOfCase(db, caseRow.id)).toEqual([]);

  expect(await text(approved.id, SHANGHAI_MORNING)).toBe('sent');
  const sent = twilio.sends.slice(before);
  expect(sent.map((s) => s.Body)).toEqual(['【港湾巷】您的账单已到期，请及时还款。回复TD退订']);
});
