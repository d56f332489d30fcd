import { z } from 'zod';
import { ACTION_KINDS, MESSAGE_STATES } from '../domain/enums.ts';
import { id, shortText } from './primitives.ts';

/** Contracts of the channels' outbox (Outbox page) and a portfolio's channel settings. */

export { MESSAGE_STATES, type MessageState } from '../domain/enums.ts';

export const OUTBOX_CHANNELS = ['email', 'sms', 'app_push', 'letter'] as const;
export const OUTBOX_PAGE_SIZES = [25, 50, 100] as const;

export const outboxListInput = z.object({
  channel: z.enum(OUTBOX_CHANNELS).optional(),
  state: z.enum(MESSAGE_STATES).optional(),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z
    .number()
    .int()
    .refine((n) => (OUTBOX_PAGE_SIZES as readonly number[]).includes(n))
    .default(25),
});
export type OutboxListInput = z.input<typeof outboxListInput>;

export const outboxMessageView = z.object({
  id: z.number().int(),
  channel: z.enum(ACTION_KINDS),
  state: z.enum(MESSAGE_STATES),
  /** The address masked as the screen may show it. */
  recipient: z.string(),
  subject: z.string().nullable(),
  provider: z.string().nullable(),
  providerMessageId: z.string().nullable(),
  caseId: z.string().nullable(),
  accountRef: z.string().nullable(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OutboxMessageView = z.infer<typeof outboxMessageView>;

export const outboxListOutput = z.object({ rows: z.array(outboxMessageView), total: z.number().int() });
export type OutboxListOutput = z.infer<typeof outboxListOutput>;

export const messageTimelineInput = z.object({ messageId: z.number().int().positive() });

export const messageStateEventView = z.object({
  id: z.number().int(),
  state: z.enum(MESSAGE_STATES),
  at: z.string(),
  attempt: z.number().int(),
  providerMessageId: z.string().nullable(),
  decisionId: z.number().int().nullable(),
  detail: z.string().nullable(),
});
export type MessageStateEventView = z.infer<typeof messageStateEventView>;
export const messageTimelineOutput = z.array(messageStateEventView);

export const retryMessageInput = z.object({ messageId: z.number().int().positive() });
export const retryMessageOutput = z.object({ queued: z.boolean() });

export const portfolioChannelsInput = z.object({ portfolioId: id('portfolioId') });
export const portfolioChannelsView = z.object({
  portfolioId: z.string(),
  emailFromName: z.string().nullable(),
  emailFromAddress: z.string().nullable(),
  pushUrl: z.string().nullable(),
  /** Whether a push secret is on file; the secret itself is never sent back. */
  hasPushSecret: z.boolean(),
  /** The registered SMS signature for China (without 【】). */
  smsSignatureCn: z.string().nullable(),
});
export type PortfolioChannelsView = z.infer<typeof portfolioChannelsView>;

export const savePortfolioChannelsInput = z.object({
  portfolioId: id('portfolioId'),
  /** The agency's true name as the debtor sees it in the From line. */
  emailFromName: shortText(120, 'Name must be at most 120 characters').min(1).nullable(),
  emailFromAddress: z.email().max(254).nullable(),
  pushUrl: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .nullable(),
  /** Left out keeps the secret on file; null removes it. */
  pushSecret: z.string().min(16).max(200).nullable().optional(),
  /** The registered SMS signature for China, without 【】; left out keeps it, null removes it. */
  smsSignatureCn: shortText(20, 'Signature must be at most 20 characters').min(1).nullable().optional(),
});
export type SavePortfolioChannelsInput = z.infer<typeof savePortfolioChannelsInput>;

/** The texts a case's debtor sent (COMPLIANCE.md decision 13), shown on the case screen with a person's reading. */
export const caseRepliesInput = z.object({ caseId: id('caseId') });
export const caseReplyView = z.object({
  id: z.number().int(),
  contactPointId: z.string(),
  body: z.string(),
  receivedAt: z.string(),
  classification: z.enum(['stop', 'help', 'unclassified']),
  /** A person's reading of an unclassified reply; null while it waits (texts to the number are held). */
  readAs: z.enum(['stop', 'not_stop']).nullable(),
  classifiedAt: z.string().nullable(),
  classifiedBy: z.string().nullable(),
});
export const caseRepliesOutput = z.array(caseReplyView);
export type CaseReplyView = z.infer<typeof caseReplyView>;

export const classifyReplyInput = z.object({
  caseId: id('caseId'),
  replyId: z.number().int().positive(),
  /** true: the reply means stop (opt-out, consent revoked, one confirmation); false: it does not. */
  stop: z.boolean(),
});
export const classifyReplyOutput = z.object({ classification: z.enum(['stop', 'unclassified']) });

/** Replies nobody has read yet, within the reader's scope: each holds texts to its number until classified. */
export const repliesToReadOutput = z.array(
  z.object({
    replyId: z.number().int(),
    caseId: z.string(),
    accountRef: z.string(),
    debtorName: z.string(),
    body: z.string(),
    receivedAt: z.string(),
  }),
);
