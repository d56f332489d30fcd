import type { Disclosure } from '@arrears/shared/compliance/actions';
import type { MessagePurpose } from '@arrears/shared/domain/enums';
import { maskContactValue } from '@arrears/shared/domain/masking';
import { classifyReply } from '@arrears/shared/domain/reply';
import { errorMessage } from '@arrears/shared/errors/messages';
import type { SessionUser } from '@arrears/shared/schemas/auth';
import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../../db/client.ts';
import {
  cases,
  contactPoints,
  debtors,
  inboundReplies,
  optOuts,
  outboundMessages,
} from '../../db/schema/index.ts';
import { AppError, caseNotFound } from '../../errors.ts';
import { logger } from '../../logger.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { withCase } from '../case-core/case-core.service.ts';
import { caseScope } from '../cases/cases.service.ts';
import { guardAction } from '../compliance/compliance.service.ts';
import { letterSender } from '../letters/letters.service.ts';
import {
  type AttemptOutcome,
  CHANNELS_ACTOR,
  handOff,
  type MessageRow,
  queueMessage,
  recordDeliveryState,
  recordHandOff,
} from './outbox.ts';
import { UNREACHABLE_TWILIO_ERRORS } from './twilio.ts';

const PHONE_KINDS = ['mobile', 'landline', 'work_phone'] as const;
type PointRow = typeof contactPoints.$inferSelect;

export interface SmsRequest {
  caseId: string;
  contactPointId: string;
  body: string;
  purpose: MessagePurpose;
  /** The message key: one outbox row and one hand-off per key. */
  idempotencyKey: string;
  templateId?: string | null;
  /** What the body says (a collection text: the mini-Miranda and how to opt out). */
  disclosures?: readonly Disclosure[];
  now: Date;
}

/**
 * One text through the guard at this instant and its channel's provider: the decision, the `sent` contact row and
 * the outbox row in the guard's transaction, the hand-off after it. A refusal throws BLOCKED_BY_RULE with the verdict.
 */
export async function sendSms(db: Database, request: SmsRequest): Promise<AttemptOutcome | 'already'> {
  const { caseId, contactPointId, body, purpose, idempotencyKey, now } = request;
  const templateId = request.templateId ?? null;
  const disclosures = [...(request.disclosures ?? [])];
  await guardAction(db, {
    actor: CHANNELS_ACTOR,
    caseId,
    now,
    action: () => ({ kind: 'sms', contactPointId, message: { purpose, disclosures } }),
    record: async (tx: Transaction, passed) => {
      const point = passed.caseFacts.contactPoints.find((p) => p.id === contactPointId);
      const { contactId, caseChanges } = await recordHandOff(tx, passed, {
        kind: 'sms',
        at: now,
        contactPointId,
        purpose,
        disclosures,
        templateId,
        body,
        details: { message: idempotencyKey },
      });
      await queueMessage(tx, {
        idempotencyKey,
        channel: 'sms',
        recipient: point?.value ?? '',
        subject: null,
        body,
        caseId,
        contactPointId,
        purpose,
        disclosures,
        templateId,
        language: passed.caseFacts.debtor.language === 'zh' ? 'zh' : 'en',
        contactLogId: contactId,
        at: now,
      });
      return { value: contactId, caseChanges };
    },
  });
  return handOff(db, idempotencyKey, now);
}

/** What Twilio's status callback says, as our delivery state (null: nothing the outbox records). */
const STATE_OF: Record<string, 'sent' | 'delivered' | 'failed' | 'undeliverable'> = {
  sent: 'sent',
  delivered: 'delivered',
  failed: 'failed',
  undelivered: 'undeliverable',
};
const FINAL = new Set(['delivered', 'failed', 'undeliverable', 'bounced']);

/**
 * A verified delivery-status callback: a new state of the message it names (by Twilio's sid) — an event, and for
 * delivered / failed / undelivered a contact-log row correcting the hand-off's (recordDeliveryState). Twilio repeats
 * callbacks: a state the message already has, or any after a final one, changes nothing. Answers whether it recorded.
 */
export async function applyTwilioStatus(
  db: Database,
  params: Record<string, string>,
  now: Date,
): Promise<boolean> {
  const sid = params.MessageSid ?? params.SmsSid;
  const state = STATE_OF[params.MessageStatus ?? params.SmsStatus ?? ''];
  if (!sid || !state) return false;
  const [message] = await db
    .select()
    .from(outboundMessages)
    .where(and(eq(outboundMessages.providerMessageId, sid), eq(outboundMessages.channel, 'sms')));
  if (!message || message.state === state || FINAL.has(message.state)) return false;
  const errorCode = params.ErrorCode ?? '';
  await recordDeliveryState(
    db,
    message as MessageRow,
    {
      state,
      at: now,
      attempt: message.attempts,
      provider: 'twilio',
      providerMessageId: sid,
      detail: errorCode ? `Twilio error ${errorCode}` : null,
    },
    { undeliverable: state === 'undeliverable' && UNREACHABLE_TWILIO_ERRORS.has(errorCode) },
  );
  return true;
}

/** The debtor's latest case: where a reply from one of their numbers is recorded (the change reaches them all). */
async function latestCaseOf(db: Database, debtorId: string): Promise<string | null> {
  const [row] = await db
    .select({ id: cases.id })
    .from(cases)
    .where(eq(cases.debtorId, debtorId))
    .orderBy(desc(cases.placedAt))
    .limit(1);
  return row?.id ?? null;
}

/**
 * A reply that means stop (decision 13), at once: texts to the number are opted out and its consent to autodialed
 * calls and texts revoked. Answers whether the opt-out is new (only a new one is confirmed).
 */
async function applyStop(
  tx: Transaction,
  point: PointRow,
  caseId: string,
  now: Date,
  replyId: number,
): Promise<boolean> {
  const [existing] = await tx
    .select({ id: optOuts.id })
    .from(optOuts)
    .where(
      and(
        eq(optOuts.debtorId, point.debtorId),
        or(isNull(optOuts.channel), eq(optOuts.channel, 'sms')),
        or(isNull(optOuts.contactPointId), eq(optOuts.contactPointId, point.id)),
      ),
    );
  await tx
    .update(contactPoints)
    .set({ consentRevokedAt: now })
    .where(and(eq(contactPoints.id, point.id), isNull(contactPoints.consentRevokedAt)));
  if (existing) return false;
  const [row] = await tx
    .insert(optOuts)
    .values({ debtorId: point.debtorId, channel: 'sms', contactPointId: point.id, at: now, recordedBy: null })
    .returning({ id: optOuts.id });
  await recordAudit(tx, {
    actorId: null,
    action: 'channels.smsOptOut',
    entityType: 'debtor',
    entityId: point.debtorId,
    caseId,
    at: now,
    after: {
      at: now.toISOString(),
      optOutId: row!.id,
      channel: 'sms',
      contactPointId: point.id,
      contactPoint: maskContactValue(point.kind, point.value),
      consentRevoked: true,
      replyId,
    },
  });
  return true;
}

/** The transactional answers to a reply, in the debtor's language. */
export function replyAnswer(kind: 'stop' | 'help', language: string): string {
  const agency = letterSender();
  const zh = language === 'zh';
  if (kind === 'stop') {
    return zh
      ? `您已退订，将不再收到${agency.nameZh}的短信。如需帮助请致电 ${agency.phone}。`
      : `${agency.name}: you are unsubscribed and will receive no more texts from us. Questions: ${agency.phone}.`;
  }
  return zh
    ? `${agency.nameZh}。客服电话 ${agency.phone}。回复“退订”即不再接收短信。`
    : `${agency.name}. Call us at ${agency.phone}. Reply STOP to stop texts.`;
}

/** Sends a transactional answer; a refusal (the guard's, e.g. a second confirmation) is logged, never thrown. */
async function answer(
  db: Database,
  caseId: string,
  point: PointRow,
  kind: 'stop' | 'help',
  replyId: number,
  language: string,
  now: Date,
): Promise<void> {
  try {
    await sendSms(db, {
      caseId,
      contactPointId: point.id,
      body: replyAnswer(kind, language),
      purpose: kind === 'stop' ? 'opt_out_confirmation' : 'transactional',
      idempotencyKey: `sms-reply:${replyId}:${kind}`,
      now,
    });
  } catch (error) {
    // Refused by the guard (a second confirmation), or a CN portfolio without its signature: the reply stays recorded.
    if (!(error instanceof AppError)) throw error;
    logger.info({ replyId, kind, reason: error.message }, 'reply answer not sent');
  }
}

export interface InboundSms {
  from: string;
  body: string;
  /** Twilio's MessageSid: the same text delivered again (a webhook retried) is recorded once. */
  providerMessageId?: string | null;
}

/**
 * A text from a debtor (Twilio's inbound webhook, verified): recorded in inbound_replies for each debtor whose
 * number sent it, through withCase (the change reaches all their cases, so queues and the guard see it in the same
 * transaction), and classified: stop opts the number out and revokes its consent at once, then one confirmation;
 * help gets the agency's identity and phone; anything else waits for a person (POL-REPLY-HOLD holds texts).
 */
export async function receiveSms(
  db: Database,
  inbound: InboundSms,
  now: Date,
): Promise<{ replies: number; classification: string }> {
  const classification = classifyReply(inbound.body);
  const points = await db
    .select()
    .from(contactPoints)
    .where(and(eq(contactPoints.value, inbound.from), inArray(contactPoints.kind, [...PHONE_KINDS])));
  let replies = 0;
  for (const point of points) {
    const caseId = await latestCaseOf(db, point.debtorId);
    if (!caseId) continue;
    const { value } = await withCase(
      { db, actor: { kind: 'debtor', id: null, debtorId: point.debtorId }, caseId, now },
      async ({ tx }) => {
        const [reply] = await tx
          .insert(inboundReplies)
          .values({
            debtorId: point.debtorId,
            contactPointId: point.id,
            body: inbound.body,
            receivedAt: now,
            classification,
            classifiedAt: classification === 'unclassified' ? null : now,
            providerMessageId: inbound.providerMessageId ?? null,
          })
          .onConflictDoNothing()
          .returning({ id: inboundReplies.id });
        if (!reply) return { value: null, unchanged: true };
        const optedOut =
          classification === 'stop' ? await applyStop(tx, point, caseId, now, reply.id) : false;
        const [debtor] = await tx
          .select({ language: debtors.language })
          .from(debtors)
          .where(eq(debtors.id, point.debtorId));
        return {
          value: { replyId: reply.id, optedOut, language: debtor?.language ?? 'en' },
          reach: 'debtor',
        };
      },
    );
    if (value === null) continue;
    replies++;
    if (classification === 'stop' && value.optedOut) {
      await answer(db, caseId, point, 'stop', value.replyId, value.language, now);
    } else if (classification === 'help') {
      await answer(db, caseId, point, 'help', value.replyId, value.language, now);
    }
  }
  if (points.length === 0) logger.info({ classification }, 'a text from a number no debtor has');
  return { replies, classification };
}

/**
 * A person reads an unclassified reply on the case screen: stop (the number opted out, consent revoked, one
 * confirmation) or not stop. Recorded as a new row naming the reply; the hold on texts to the number ends then.
 */
export async function classifyReplyByPerson(
  db: Database,
  input: { user: SessionUser; caseId: string; replyId: number; stop: boolean; now: Date },
): Promise<{ classification: 'stop' | 'unclassified' }> {
  const { user, caseId, replyId, stop, now } = input;
  const { value } = await withCase({ db, actor: user, caseId, now }, async ({ tx, caseRow }) => {
    const [reply] = await tx
      .select()
      .from(inboundReplies)
      .where(and(eq(inboundReplies.id, replyId), eq(inboundReplies.debtorId, caseRow.debtorId)));
    if (!reply || reply.classifiesId !== null) {
      throw new AppError('NOT_FOUND', errorMessage('reply.notFound'));
    }
    const [done] = await tx
      .select({ id: inboundReplies.id })
      .from(inboundReplies)
      .where(eq(inboundReplies.classifiesId, reply.id));
    if (reply.classification !== 'unclassified' || done) {
      throw new AppError('CONFLICT', errorMessage('reply.alreadyClassified'));
    }
    const [row] = await tx
      .insert(inboundReplies)
      .values({
        debtorId: reply.debtorId,
        contactPointId: reply.contactPointId,
        body: reply.body,
        receivedAt: reply.receivedAt,
        // "Not stop" keeps the class `unclassified` (neither stop nor help), now read by a person.
        classification: stop ? 'stop' : 'unclassified',
        classifiedBy: user.id,
        classifiedAt: now,
        classifiesId: reply.id,
      })
      .returning({ id: inboundReplies.id });
    const [point] = await tx.select().from(contactPoints).where(eq(contactPoints.id, reply.contactPointId));
    const optedOut = stop && point ? await applyStop(tx, point, caseRow.id, now, row!.id) : false;
    await recordAudit(tx, {
      actorId: user.id,
      action: 'channels.classifyReply',
      entityType: 'debtor',
      entityId: reply.debtorId,
      caseId: caseRow.id,
      at: now,
      after: { replyId: reply.id, classification: stop ? 'stop' : 'not_stop', rowId: row!.id },
    });
    return { value: { optedOut, point, rowId: row!.id }, reach: 'debtor' };
  });
  if (value.optedOut && value.point) {
    const [debtor] = await db
      .select({ language: debtors.language })
      .from(debtors)
      .where(eq(debtors.id, value.point.debtorId));
    await answer(db, caseId, value.point, 'stop', value.rowId, debtor?.language ?? 'en', now);
  }
  return { classification: stop ? 'stop' : 'unclassified' };
}

/** The replies of a case's debtor, newest first, each with a person's reading of it (when there is one). */
export async function repliesOfCase(db: Database, caseId: string) {
  const [caseRow] = await db.select({ debtorId: cases.debtorId }).from(cases).where(eq(cases.id, caseId));
  if (!caseRow) return [];
  const rows = await db
    .select()
    .from(inboundReplies)
    .where(eq(inboundReplies.debtorId, caseRow.debtorId))
    .orderBy(desc(inboundReplies.receivedAt), desc(inboundReplies.id));
  const readings = new Map(rows.filter((r) => r.classifiesId !== null).map((r) => [r.classifiesId!, r]));
  return rows
    .filter((r) => r.classifiesId === null)
    .map((r) => {
      const reading = readings.get(r.id) ?? null;
      return {
        id: r.id,
        contactPointId: r.contactPointId,
        body: r.body,
        receivedAt: r.receivedAt.toISOString(),
        classification: r.classification,
        /** A person's reading of an unclassified reply: stop or not_stop; null while it waits (texts held). */
        readAs: reading
          ? reading.classification === 'stop'
            ? ('stop' as const)
            : ('not_stop' as const)
          : null,
        classifiedAt: (reading?.classifiedAt ?? r.classifiedAt)?.toISOString() ?? null,
        classifiedBy: reading?.classifiedBy ?? null,
      };
    });
}

/** repliesOfCase for a signed-in user: a case outside the user's scope is not found. */
export async function repliesOfVisibleCase(db: Database, user: SessionUser, caseId: string) {
  const [visible] = await db
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.id, caseId), caseScope(user)));
  if (!visible) throw caseNotFound();
  return repliesOfCase(db, caseId);
}

/**
 * "Replies to read": every unclassified reply no person has read yet, on one case of its debtor the user may see
 * (the latest placed), oldest first — the longest-held numbers first. At most 100.
 */
export async function repliesToRead(db: Database, user: SessionUser) {
  const rows = await db
    .selectDistinctOn([inboundReplies.receivedAt, inboundReplies.id], {
      replyId: inboundReplies.id,
      caseId: cases.id,
      accountRef: cases.accountRef,
      debtorName: debtors.fullName,
      body: inboundReplies.body,
      receivedAt: inboundReplies.receivedAt,
    })
    .from(inboundReplies)
    .innerJoin(cases, eq(cases.debtorId, inboundReplies.debtorId))
    .innerJoin(debtors, eq(debtors.id, inboundReplies.debtorId))
    .where(
      and(
        eq(inboundReplies.classification, 'unclassified'),
        isNull(inboundReplies.classifiesId),
        sql`not exists (select 1 from ${inboundReplies} k where k.classifies_id = ${inboundReplies.id})`,
        caseScope(user),
      ),
    )
    .orderBy(asc(inboundReplies.receivedAt), asc(inboundReplies.id), desc(cases.placedAt))
    .limit(100);
  return rows.map((r) => ({ ...r, receivedAt: r.receivedAt.toISOString() }));
}
