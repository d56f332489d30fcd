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

/**
 * The development stand-in for an SMS/email/push gateway: there is no real gateway in this product. It records
 * each message once per idempotency key, as a real provider's idempotency header would.
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
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('outbound_messages_key').on(t.idempotencyKey)],
);
