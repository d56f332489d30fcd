import { boolean, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, uuidRef } from './columns.ts';
import { actionKindEnum, messagePurposeEnum } from './enums.ts';
import { portfolios } from './portfolios.ts';

/** SMS, email, letter and push templates; each declares the disclosures it carries and the editor checks the text. */
export const messageTemplates = pgTable('message_templates', {
  id: id(),
  portfolioId: uuidRef('portfolio_id', () => portfolios.id),
  name: text('name').notNull(),
  channel: actionKindEnum('channel').notNull(),
  language: text('language').notNull().default('en'),
  purpose: messagePurposeEnum('purpose').notNull().default('collection'),
  initial: boolean('initial').notNull().default(false),
  subject: text('subject'),
  body: text('body').notNull(),
  disclosures: text('disclosures').array().notNull(),
  active: boolean('active').notNull().default(true),
  /** An SMS template whose text the carriers approved for China (registered with the signature): CN texts use only these. */
  approvedForCnSms: boolean('approved_for_cn_sms').notNull().default(false),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
