import { MESSAGE_STATES } from '@arrears/shared/domain/enums';
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { cases } from './cases.ts';
import { createdAt, id, instant, serialId, serialRef, updatedAt, uuidRef } from './columns.ts';
import { actionKindEnum } from './enums.ts';
import { portfolios } from './portfolios.ts';
import { messageTemplates } from './templates.ts';

/** A portfolio's automated reminder sequence (one per portfolio). */
export const reminderStrategies = pgTable(
  'reminder_strategies',
  {
    id: id(),
    portfolioId: uuidRef('portfolio_id', () => portfolios.id).notNull(),
    name: text('name').notNull(),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('reminder_strategies_portfolio_key').on(t.portfolioId)],
);

/** One step: `offsetDays` relative to the case's due date (−3 = three days before), a channel and a template. */
export const reminderSteps = pgTable(
  'reminder_steps',
  {
    id: id(),
    strategyId: uuidRef('strategy_id', () => reminderStrategies.id, { onDelete: 'cascade' }).notNull(),
    position: integer('position').notNull(),
    offsetDays: integer('offset_days').notNull(),
    channel: actionKindEnum('channel').notNull(),
    templateId: uuidRef('template_id', () => messageTemplates.id).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('reminder_steps_strategy_idx').on(t.strategyId, t.position)],
);

export const REMINDER_SEND_STATES = ['pending', 'sending', 'sent', 'blocked', 'skipped'] as const;
export type ReminderSendState = (typeof REMINDER_SEND_STATES)[number];

/**
 * The reminder outbox: one row per (case, step) — its idempotency key. pending → sending → sent, or blocked (the
 * guard refused; `nextAttemptAt` says when it may be retried) or skipped (the engine gave no time it could be sent,
 * or the step's window passed). A row left in `sending` by a crash is re-sent with the same key; the provider
 * dedupes on it, so the debtor receives it once and the contact log records it once.
 */
export const reminderSends = pgTable(
  'reminder_sends',
  {
    id: serialId(),
    idempotencyKey: text('idempotency_key').notNull(),
    caseId: uuidRef('case_id', () => cases.id).notNull(),
    /** The step as it was (steps may be edited or removed later; the send keeps what it was about). */
    stepId: uuid('step_id').notNull(),
    offsetDays: integer('offset_days').notNull(),
    channel: actionKindEnum('channel').notNull(),
    templateId: uuid('template_id').notNull(),
    state: text('state', { enum: REMINDER_SEND_STATES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: instant('next_attempt_at'),
    lastDecisionId: serialRef('last_decision_id'),
    contactLogId: serialRef('contact_log_id'),
    providerMessageId: text('provider_message_id'),
    reason: text('reason'),
    details: jsonb('details').$type<Record<string, unknown>>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('reminder_sends_key').on(t.idempotencyKey),
    uniqueIndex('reminder_sends_case_step_key').on(t.caseId, t.stepId),
    index('reminder_sends_retry_idx')
      .on(t.nextAttemptAt)
      .where(sql`state in ('pending', 'sending', 'blocked')`),
  ],
);

export { MESSAGE_STATES, type MessageState } from '@arrears/shared/domain/enums';

/**
 * Every outbound message of a channel (modules/channels): one row per idempotency key. Without a configured
 * provider it is the development outbox a new user reads; with one, the provider's message id is kept here.
 * `state` is the latest of the message's delivery states; their history is `outbound_message_events`, append-only.
 */
export const outboundMessages = pgTable(
  'outbound_messages',
  {
    id: serialId(),
    idempotencyKey: text('idempotency_key').notNull(),
    channel: actionKindEnum('channel').notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject'),
    body: text('body').notNull(),
    /** Null for a message recorded by the bare development provider (no case known). */
    caseId: uuid('case_id'),
    contactPointId: uuid('contact_point_id'),
    /** What the guard judges again on a retry: the message's purpose and declared disclosures. */
    purpose: text('purpose'),
    disclosures: text('disclosures').array(),
    templateId: uuid('template_id'),
    /** The reader's language (`en`/`zh`): the opt-out page answers in it. */
    language: text('language').notNull().default('en'),
    /** The contact-log row of the latest hand-off (its delivery states correct it). */
    contactLogId: serialRef('contact_log_id'),
    /** `dev`, `smtp` or `push`: who took it. */
    provider: text('provider'),
    providerMessageId: text('provider_message_id'),
    state: text('state', { enum: MESSAGE_STATES }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('outbound_messages_key').on(t.idempotencyKey),
    index('outbound_messages_created_idx').on(t.createdAt.desc(), t.id.desc()),
    index('outbound_messages_case_idx').on(t.caseId),
    index('outbound_messages_provider_id_idx').on(t.providerMessageId),
  ],
);

/** Each delivery state a message reached, in order: append-only (a trigger refuses UPDATE and DELETE). */
export const outboundMessageEvents = pgTable(
  'outbound_message_events',
  {
    id: serialId(),
    messageId: serialRef('message_id')
      .notNull()
      .references(() => outboundMessages.id),
    state: text('state', { enum: MESSAGE_STATES }).notNull(),
    at: instant('at').notNull(),
    attempt: integer('attempt').notNull().default(0),
    providerMessageId: text('provider_message_id'),
    /** The contact-log row this state added, if any. */
    contactLogId: serialRef('contact_log_id'),
    decisionId: serialRef('decision_id'),
    detail: text('detail'),
    createdAt: createdAt(),
  },
  (t) => [index('outbound_message_events_message_idx').on(t.messageId, t.id)],
);

/**
 * A portfolio's channel settings: the sender's name and address in the agency's true name (email), and the
 * creditor's app-push endpoint with its signing secret. A portfolio without a row sends from the defaults.
 */
export const portfolioChannelSettings = pgTable('portfolio_channel_settings', {
  portfolioId: uuidRef('portfolio_id', () => portfolios.id)
    .primaryKey()
    .notNull(),
  emailFromName: text('email_from_name'),
  emailFromAddress: text('email_from_address'),
  pushUrl: text('push_url'),
  pushSecret: text('push_secret'),
  /** The portfolio's registered SMS signature for China (the text inside 【…】); CN texts without one are refused. */
  smsSignatureCn: text('sms_signature_cn'),
  updatedAt: updatedAt(),
});
