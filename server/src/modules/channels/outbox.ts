import type { ActionKind, ContactOutcome, MessagePurpose } from '@arrears/shared/domain/enums';
import { errorMessage } from '@arrears/shared/errors/messages';
import { eq, sql } from 'drizzle-orm';
import type { Database, Executor, Transaction } from '../../db/client.ts';
import {
  cases,
  contactLog,
  contactPoints,
  type MessageState,
  outboundMessageEvents,
  outboundMessages,
  portfolioChannelSettings,
} from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { enqueueJob } from '../../jobs/queue.ts';
import type { SystemActor } from '../case-core/case-core.service.ts';
import { withCase } from '../case-core/case-core.service.ts';
import {
  type ContactEntry,
  guardAction,
  type PassedAction,
  recordContact,
} from '../compliance/compliance.service.ts';
import { cnSmsBody } from './cn-sms.ts';
import { channelsConfig } from './config.ts';
import { type MessageLanguage, optOutFooter, optOutUrl } from './links.ts';
import {
  type ChannelProvider,
  PermanentFailure,
  type PortfolioChannels,
  providerFor,
  type SendResult,
} from './providers.ts';

/** Hand-offs, retries and delivery states carry no user id: the channels act on their own. */
export const CHANNELS_ACTOR: SystemActor = { kind: 'system', id: null, name: 'channels' };

export const DELIVER_JOB = 'channels.deliver';
/** Attempts of one retry job before the message stays failed (a person may retry it from the Outbox page). */
export const DELIVER_MAX_ATTEMPTS = 5;
export const DELIVER_BACKOFF_MS = 30_000;

export type MessageRow = typeof outboundMessages.$inferSelect;

export interface QueuedMessage {
  idempotencyKey: string;
  channel: ActionKind;
  recipient: string;
  subject: string | null;
  body: string;
  caseId: string;
  contactPointId: string;
  purpose: MessagePurpose | null;
  disclosures: readonly string[];
  templateId: string | null;
  language: MessageLanguage;
  /** The contact-log row the guard wrote for this hand-off. */
  contactLogId: number;
  at: Date;
}

/** What the guard's `record` writes for a message it let through: the `sent` contact row, by the system. */
export function recordHandOff(
  tx: Transaction,
  passed: PassedAction,
  entry: Pick<ContactEntry, 'kind' | 'contactPointId' | 'templateId' | 'body' | 'details'> & {
    at: Date;
    purpose: MessagePurpose | null | undefined;
    disclosures: readonly string[] | null | undefined;
  },
) {
  const { at, purpose, disclosures, ...rest } = entry;
  return recordContact(
    tx,
    { caseFacts: passed.caseFacts, agentId: null, decisionId: passed.decisionId },
    {
      ...rest,
      direction: 'outbound',
      outcome: 'sent',
      occurredAt: at,
      purpose: purpose ?? 'collection',
      disclosures: [...(disclosures ?? [])],
    },
  );
}

/**
 * Records a message the guard just let through, inside the guard's transaction: the outbox row (once per key) and
 * its `queued` state. An email's body gets the opt-out link its reader can use at once.
 */
export async function queueMessage(
  tx: Executor,
  input: QueuedMessage,
): Promise<{ id: number; fresh: boolean }> {
  const body =
    input.channel === 'email'
      ? input.body +
        optOutFooter(
          optOutUrl({ caseId: input.caseId, contactPointId: input.contactPointId, language: input.language }),
          input.language,
        )
      : input.channel === 'sms'
        ? await cnSmsBody(tx, input)
        : input.body;
  const [inserted] = await tx
    .insert(outboundMessages)
    .values({
      idempotencyKey: input.idempotencyKey,
      channel: input.channel,
      recipient: input.recipient,
      subject: input.subject,
      body,
      caseId: input.caseId,
      contactPointId: input.contactPointId,
      purpose: input.purpose,
      disclosures: [...input.disclosures],
      templateId: input.templateId,
      language: input.language,
      contactLogId: input.contactLogId,
      attempts: 1,
      createdAt: input.at,
      updatedAt: input.at,
    })
    .onConflictDoNothing({ target: outboundMessages.idempotencyKey })
    .returning({ id: outboundMessages.id });
  if (inserted) {
    await appendState(tx, { messageId: inserted.id, state: 'queued', at: input.at, attempt: 1 });
    return { id: inserted.id, fresh: true };
  }
  const [existing] = await tx
    .select({ id: outboundMessages.id })
    .from(outboundMessages)
    .where(eq(outboundMessages.idempotencyKey, input.idempotencyKey));
  return { id: existing!.id, fresh: false };
}

interface StateChange {
  messageId: number;
  state: MessageState;
  at: Date;
  attempt: number;
  provider?: string | null;
  providerMessageId?: string | null;
  contactLogId?: number | null;
  decisionId?: number | null;
  detail?: string | null;
}

/** A new delivery state: one more history row, and the message's latest state beside it. */
export async function appendState(tx: Executor, change: StateChange): Promise<void> {
  await tx.insert(outboundMessageEvents).values({
    messageId: change.messageId,
    state: change.state,
    at: change.at,
    attempt: change.attempt,
    providerMessageId: change.providerMessageId ?? null,
    contactLogId: change.contactLogId ?? null,
    decisionId: change.decisionId ?? null,
    detail: change.detail ?? null,
  });
  await tx
    .update(outboundMessages)
    .set({
      state: change.state,
      updatedAt: change.at,
      ...(change.provider ? { provider: change.provider } : {}),
      ...(change.providerMessageId ? { providerMessageId: change.providerMessageId } : {}),
      ...(change.contactLogId ? { contactLogId: change.contactLogId } : {}),
      lastError: change.state === 'failed' || change.state === 'refused' ? (change.detail ?? null) : null,
    })
    .where(eq(outboundMessages.id, change.messageId));
}

/** A portfolio's sender and push endpoint, the configured defaults where it has none. */
export async function portfolioChannels(db: Executor, caseId: string | null): Promise<PortfolioChannels> {
  const config = channelsConfig();
  const defaults: PortfolioChannels = {
    fromName: config.defaultFromName,
    fromAddress: config.defaultFromAddress,
    pushUrl: null,
    pushSecret: null,
  };
  if (caseId === null) return defaults;
  const [row] = await db
    .select({ settings: portfolioChannelSettings })
    .from(cases)
    .innerJoin(portfolioChannelSettings, eq(portfolioChannelSettings.portfolioId, cases.portfolioId))
    .where(eq(cases.id, caseId));
  const settings = row?.settings;
  return {
    fromName: settings?.emailFromName || defaults.fromName,
    fromAddress: settings?.emailFromAddress || defaults.fromAddress,
    pushUrl: settings?.pushUrl || null,
    pushSecret: settings?.pushSecret || null,
  };
}

/**
 * Marks a contact point undeliverable (a hard bounce, a permanent refusal). The one writer of the fact: the
 * engine reads `undeliverable_since` as POL-UNDELIVERABLE from that instant.
 */
export async function markUndeliverable(tx: Executor, contactPointId: string, at: Date): Promise<void> {
  await tx
    .update(contactPoints)
    .set({ undeliverableSince: at })
    .where(
      sql`${contactPoints.id} = ${contactPointId}::uuid and ${contactPoints.undeliverableSince} is null`,
    );
}

const OUTCOME_OF: Partial<Record<MessageState, ContactOutcome>> = {
  delivered: 'sent',
  failed: 'failed',
  bounced: 'bounced',
  undeliverable: 'bounced',
};

/**
 * A delivery state that changes what the message counts for lands on the contact log as a new row correcting the
 * hand-off's row (the facts loader reads the latest of a chain): delivered stays a sent message, failed and bounced
 * count toward no cap. Through withCase, so the case moves to a new version and its queues are re-judged; a bounce
 * reaches the debtor's other cases too (the address is gone for all of them).
 */
export async function recordDeliveryState(
  db: Database,
  message: MessageRow,
  change: Omit<StateChange, 'messageId'>,
  options: { undeliverable?: boolean } = {},
): Promise<void> {
  const outcome = OUTCOME_OF[change.state];
  if (message.caseId === null || message.contactLogId === null || outcome === undefined) {
    await appendState(db, { ...change, messageId: message.id });
    return;
  }
  const previousId = message.contactLogId;
  await withCase({ db, actor: CHANNELS_ACTOR, caseId: message.caseId, now: change.at }, async ({ tx }) => {
    const [previous] = await tx.select().from(contactLog).where(eq(contactLog.id, previousId));
    let contactLogId: number | null = null;
    if (previous) {
      const [row] = await tx
        .insert(contactLog)
        .values({
          caseId: previous.caseId,
          debtorId: previous.debtorId,
          caseIds: previous.caseIds,
          kind: previous.kind,
          direction: previous.direction,
          contactPointId: previous.contactPointId,
          agentId: null,
          outcome,
          purpose: previous.purpose,
          disclosures: previous.disclosures,
          templateId: previous.templateId,
          // The message still went out when it did: the state corrects what it counts for, not when it was.
          occurredAt: previous.occurredAt,
          correctsId: previous.id,
          details: {
            message: message.idempotencyKey,
            deliveryState: change.state,
            at: change.at.toISOString(),
            ...(change.detail ? { detail: change.detail } : {}),
          },
        })
        .returning({ id: contactLog.id });
      contactLogId = row!.id;
    }
    if (options.undeliverable && message.contactPointId) {
      await markUndeliverable(tx, message.contactPointId, change.at);
    }
    await appendState(tx, { ...change, messageId: message.id, contactLogId });
    return { value: null, reach: options.undeliverable ? 'debtor' : 'case' };
  });
}

async function loadMessage(db: Executor, id: number): Promise<MessageRow> {
  const [row] = await db.select().from(outboundMessages).where(eq(outboundMessages.id, id));
  if (!row) throw new AppError('NOT_FOUND', errorMessage('channels.messageNotFound'));
  return row;
}

export type AttemptOutcome = 'sent' | 'delivered' | 'failed' | 'undeliverable' | 'refused';

/**
 * Hands a message the guard has let through to its channel's provider under its key, and records what came of
 * it. A failure worth retrying is recorded and answered `failed`; the caller decides how it is retried.
 */
async function attempt(
  db: Database,
  message: MessageRow,
  now: Date,
  override?: ChannelProvider,
): Promise<AttemptOutcome> {
  const settings = await portfolioChannels(db, message.caseId);
  const provider = override ?? providerFor(message.channel, settings);
  const optOut =
    message.channel === 'email' && message.caseId && message.contactPointId
      ? optOutUrl({
          caseId: message.caseId,
          contactPointId: message.contactPointId,
          language: message.language === 'zh' ? 'zh' : 'en',
        })
      : null;
  let result: SendResult;
  try {
    result = await provider.send(
      {
        id: message.id,
        idempotencyKey: message.idempotencyKey,
        channel: message.channel,
        recipient: message.recipient,
        subject: message.subject,
        body: message.body,
        optOutUrl: optOut,
      },
      settings,
    );
  } catch (error) {
    const permanent = error instanceof PermanentFailure;
    const detail = error instanceof Error ? error.message : String(error);
    await recordDeliveryState(
      db,
      message,
      {
        state: permanent ? 'undeliverable' : 'failed',
        at: now,
        attempt: message.attempts,
        provider: provider.name,
        detail,
      },
      { undeliverable: permanent },
    );
    return permanent ? 'undeliverable' : 'failed';
  }
  const sent = {
    at: now,
    attempt: message.attempts,
    provider: provider.name,
    providerMessageId: result.providerMessageId,
  };
  await appendState(db, { ...sent, messageId: message.id, state: 'sent' });
  if (result.state === 'delivered') {
    await recordDeliveryState(
      db,
      { ...message, providerMessageId: result.providerMessageId },
      { ...sent, state: 'delivered' },
    );
  }
  return result.state;
}

/** Puts a failed message on the job queue: its next hand-off is judged again when the job runs. */
export async function scheduleRetry(
  db: Executor,
  message: MessageRow,
  now: Date,
  manual = false,
): Promise<void> {
  await enqueueJob(
    db,
    DELIVER_JOB,
    { messageId: message.id },
    {
      runAt: manual ? now : new Date(now.getTime() + DELIVER_BACKOFF_MS),
      singletonKey: `${DELIVER_JOB}:${message.idempotencyKey}:${message.attempts}${manual ? ':manual' : ''}`,
      maxAttempts: DELIVER_MAX_ATTEMPTS,
    },
  );
}

/**
 * The first hand-off of a message the guard has just judged and recorded (the reminder scheduler's run): once per
 * key — a message already past `queued` is not handed again. A failure goes to the job queue.
 */
export async function handOff(
  db: Database,
  key: string,
  now: Date,
  override?: ChannelProvider,
): Promise<AttemptOutcome | 'already'> {
  const [message] = await db.select().from(outboundMessages).where(eq(outboundMessages.idempotencyKey, key));
  if (!message) throw new AppError('NOT_FOUND', errorMessage('channels.messageNotFound'));
  if (message.state !== 'queued') return 'already';
  const outcome = await attempt(db, message, now, override);
  if (outcome === 'failed') await scheduleRetry(db, await loadMessage(db, message.id), now);
  return outcome;
}

const RETRYABLE: ReadonlySet<MessageState> = new Set(['failed', 'refused']);

/**
 * A retry (from the job queue, or asked for on the Outbox page): judged by the guard at this instant like a new
 * message — the failed attempt's contact row was corrected to `failed`, so it counts toward nothing — and, if let
 * through, recorded as a new hand-off and handed to the provider under the same key. A refusal is kept as the
 * message's `refused` state with the decision; nothing is sent.
 */
export async function retryMessage(
  db: Database,
  messageId: number,
  now: Date,
  override?: ChannelProvider,
): Promise<AttemptOutcome | 'already'> {
  const message = await loadMessage(db, messageId);
  if (!RETRYABLE.has(message.state)) return 'already';
  const attemptNo = message.attempts + 1;
  if (message.caseId === null) {
    await db.update(outboundMessages).set({ attempts: attemptNo }).where(eq(outboundMessages.id, message.id));
    return attempt(db, { ...message, attempts: attemptNo }, now, override);
  }
  let contactLogId: number;
  try {
    ({ value: contactLogId } = await guardAction(db, {
      actor: CHANNELS_ACTOR,
      caseId: message.caseId,
      now,
      action: () => ({
        kind: message.channel,
        contactPointId: message.contactPointId,
        message: {
          ...(message.purpose ? { purpose: message.purpose as MessagePurpose } : {}),
          disclosures: (message.disclosures ?? []) as never,
        },
      }),
      record: async (tx: Transaction, passed) => {
        const { contactId, caseChanges } = await recordHandOff(tx, passed, {
          kind: message.channel,
          at: now,
          contactPointId: message.contactPointId,
          purpose: message.purpose as MessagePurpose | null,
          disclosures: message.disclosures,
          templateId: message.templateId,
          body: message.body,
          details: { message: message.idempotencyKey, attempt: attemptNo },
        });
        await tx
          .update(outboundMessages)
          .set({ attempts: attemptNo, contactLogId: contactId, updatedAt: now })
          .where(eq(outboundMessages.id, message.id));
        await appendState(tx, {
          messageId: message.id,
          state: 'queued',
          at: now,
          attempt: attemptNo,
          contactLogId: contactId,
          decisionId: passed.decisionId,
        });
        return { value: contactId, caseChanges };
      },
    }));
  } catch (error) {
    if (!(error instanceof AppError) || error.appCode !== 'BLOCKED_BY_RULE') throw error;
    await appendState(db, {
      messageId: message.id,
      state: 'refused',
      at: now,
      attempt: attemptNo,
      decisionId: (error.details?.decisionId as number | undefined) ?? null,
      detail: error.message,
    });
    await db.update(outboundMessages).set({ attempts: attemptNo }).where(eq(outboundMessages.id, message.id));
    return 'refused';
  }
  return attempt(db, { ...message, attempts: attemptNo, contactLogId }, now, override);
}

/** The job `channels.deliver`: a retry; a failure throws so the queue tries again after its backoff. */
export async function runDeliverJob(
  db: Database,
  payload: Record<string, unknown>,
  now: Date,
): Promise<void> {
  const messageId = Number(payload.messageId);
  const outcome = await retryMessage(db, messageId, now);
  if (outcome === 'failed')
    throw new Error(`message ${messageId}: the provider failed; retried with backoff`);
}
