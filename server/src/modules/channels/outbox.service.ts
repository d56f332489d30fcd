import type { ContactPointKind } from '@arrears/shared/domain/enums';
import { maskContactValue } from '@arrears/shared/domain/masking';
import { errorMessage } from '@arrears/shared/errors/messages';
import type { SessionUser } from '@arrears/shared/schemas/auth';
import type {
  MessageStateEventView,
  OutboxListOutput,
  outboxListInput,
  PortfolioChannelsView,
  SavePortfolioChannelsInput,
} from '@arrears/shared/schemas/channels';
import { and, asc, count, desc, eq, isNotNull, isNull, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database } from '../../db/client.ts';
import {
  cases,
  outboundMessageEvents,
  outboundMessages,
  portfolioChannelSettings,
  portfolios,
} from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { caseScope } from '../cases/cases.service.ts';
import { type MessageRow, scheduleRetry } from './outbox.ts';

const POINT_KIND: Record<string, ContactPointKind> = {
  email: 'email',
  sms: 'mobile',
  app_push: 'app',
  letter: 'home_address',
};

/** Messages the user may see: those of cases in the user's scope; an admin also sees those with no case. */
function visible(user: SessionUser): SQL {
  const scoped = and(isNotNull(cases.id), caseScope(user))!;
  return user.role === 'admin' ? or(isNull(cases.id), scoped)! : scoped;
}

/** One page of the outbox, newest first, filtered by channel and state. */
export async function listOutbox(
  db: Database,
  user: SessionUser,
  input: z.output<typeof outboxListInput>,
): Promise<OutboxListOutput> {
  const where = and(
    visible(user),
    input.channel ? eq(outboundMessages.channel, input.channel) : undefined,
    input.state ? eq(outboundMessages.state, input.state) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({ message: outboundMessages, accountRef: cases.accountRef })
      .from(outboundMessages)
      .leftJoin(cases, eq(cases.id, outboundMessages.caseId))
      .where(where)
      .orderBy(desc(outboundMessages.createdAt), desc(outboundMessages.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db
      .select({ n: count() })
      .from(outboundMessages)
      .leftJoin(cases, eq(cases.id, outboundMessages.caseId))
      .where(where),
  ]);
  return {
    total: total?.n ?? 0,
    rows: rows.map(({ message, accountRef }) => ({
      id: message.id,
      channel: message.channel,
      state: message.state,
      recipient: maskContactValue(POINT_KIND[message.channel] ?? 'email', message.recipient),
      subject: message.subject,
      provider: message.provider,
      providerMessageId: message.providerMessageId,
      caseId: message.caseId,
      accountRef,
      attempts: message.attempts,
      lastError: message.lastError,
      createdAt: message.createdAt.toISOString(),
      updatedAt: message.updatedAt.toISOString(),
    })),
  };
}

async function visibleMessage(db: Database, user: SessionUser, messageId: number): Promise<MessageRow> {
  const [row] = await db
    .select({ message: outboundMessages })
    .from(outboundMessages)
    .leftJoin(cases, eq(cases.id, outboundMessages.caseId))
    .where(and(eq(outboundMessages.id, messageId), visible(user)));
  if (!row) throw new AppError('NOT_FOUND', errorMessage('channels.messageNotFound'));
  return row.message;
}

/** A message's delivery states in order. */
export async function messageTimeline(
  db: Database,
  user: SessionUser,
  messageId: number,
): Promise<MessageStateEventView[]> {
  await visibleMessage(db, user, messageId);
  const events = await db
    .select()
    .from(outboundMessageEvents)
    .where(eq(outboundMessageEvents.messageId, messageId))
    .orderBy(asc(outboundMessageEvents.id));
  return events.map((e) => ({
    id: e.id,
    state: e.state,
    at: e.at.toISOString(),
    attempt: e.attempt,
    providerMessageId: e.providerMessageId,
    decisionId: e.decisionId,
    detail: e.detail,
  }));
}

/** A person asks for a failed (or refused) message to go again: queued on the job queue, judged when it runs. */
export async function requestRetry(
  db: Database,
  options: { user: SessionUser; messageId: number; now: Date; ip: string | null },
): Promise<{ queued: boolean }> {
  const message = await visibleMessage(db, options.user, options.messageId);
  if (message.state !== 'failed' && message.state !== 'refused') {
    throw new AppError('PRECONDITION_FAILED', errorMessage('channels.notRetryable'));
  }
  await db.transaction(async (tx) => {
    await scheduleRetry(tx, message, options.now, true);
    await recordAudit(tx, {
      actorId: options.user.id,
      action: 'channels.retry',
      entityType: 'outbound_message',
      entityId: String(message.id),
      caseId: message.caseId,
      ip: options.ip,
      after: { messageId: message.id, state: message.state, attempts: message.attempts },
    });
  });
  return { queued: true };
}

export async function portfolioChannelSettingsOf(
  db: Database,
  portfolioId: string,
): Promise<PortfolioChannelsView> {
  const [portfolio] = await db
    .select({ id: portfolios.id })
    .from(portfolios)
    .where(eq(portfolios.id, portfolioId));
  if (!portfolio) throw new AppError('NOT_FOUND', errorMessage('portfolio.notFound'));
  const [row] = await db
    .select()
    .from(portfolioChannelSettings)
    .where(eq(portfolioChannelSettings.portfolioId, portfolioId));
  return {
    portfolioId,
    emailFromName: row?.emailFromName ?? null,
    emailFromAddress: row?.emailFromAddress ?? null,
    pushUrl: row?.pushUrl ?? null,
    hasPushSecret: Boolean(row?.pushSecret),
    smsSignatureCn: row?.smsSignatureCn ?? null,
  };
}

/** Admin sets a portfolio's sender (the agency's true name) and push endpoint; audited, the secret never shown. */
export async function savePortfolioChannelSettings(
  db: Database,
  options: { user: { id: string }; ip: string | null; input: SavePortfolioChannelsInput; now: Date },
): Promise<PortfolioChannelsView> {
  const { input, now } = options;
  const before = await portfolioChannelSettingsOf(db, input.portfolioId);
  const values = {
    emailFromName: input.emailFromName,
    emailFromAddress: input.emailFromAddress,
    pushUrl: input.pushUrl,
    ...(input.pushSecret === undefined ? {} : { pushSecret: input.pushSecret }),
    ...(input.smsSignatureCn === undefined ? {} : { smsSignatureCn: input.smsSignatureCn }),
    updatedAt: now,
  };
  await db.transaction(async (tx) => {
    await tx
      .insert(portfolioChannelSettings)
      .values({ portfolioId: input.portfolioId, ...values })
      .onConflictDoUpdate({ target: portfolioChannelSettings.portfolioId, set: values });
    await recordAudit(tx, {
      actorId: options.user.id,
      action: 'channels.settings',
      entityType: 'portfolio',
      entityId: input.portfolioId,
      ip: options.ip,
      before,
      after: {
        ...input,
        pushSecret: input.pushSecret === undefined ? 'unchanged' : input.pushSecret ? 'set' : null,
      },
    });
  });
  return portfolioChannelSettingsOf(db, input.portfolioId);
}

/** What the reminder scheduler hands its messages to: the outbox and the providers. */
export { handOff, queueMessage, recordHandOff } from './outbox.ts';
export type { ChannelProvider } from './providers.ts';
