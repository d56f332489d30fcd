import { sql } from 'drizzle-orm';
import { index, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, instant, serialId, serialRef, uuidRef } from './columns.ts';
import { contactPoints, debtors } from './debtors.ts';
import { replyClassEnum } from './enums.ts';
import { users } from './users.ts';

/**
 * Texts the debtor sent to the agency (COMPLIANCE.md decision 13), append-only like the contact log. A reply is
 * classified when it arrives (`classifyReply`: stop and help at once, `classified_at` = `received_at`, no
 * `classified_by`); one left `unclassified` holds texts to its number (POL-REPLY-HOLD) until a person classifies it,
 * which is a new row naming it in `classifies_id`, with that person and instant.
 */
export const inboundReplies = pgTable(
  'inbound_replies',
  {
    id: serialId(),
    debtorId: uuidRef('debtor_id', () => debtors.id).notNull(),
    contactPointId: uuidRef('contact_point_id', () => contactPoints.id).notNull(),
    body: text('body').notNull(),
    receivedAt: instant('received_at').notNull(),
    classification: replyClassEnum('classification').notNull(),
    /** Null when classified automatically on arrival. */
    classifiedBy: uuidRef('classified_by', () => users.id),
    /** Null while unclassified. */
    classifiedAt: instant('classified_at'),
    /** The reply this row classifies (a person's reading of an unclassified reply). */
    classifiesId: serialRef('classifies_id'),
    /** The provider's id of the text (Twilio's MessageSid): a webhook delivered again records nothing more. */
    providerMessageId: text('provider_message_id'),
    createdAt: createdAt(),
  },
  (t) => [
    index('inbound_replies_debtor_idx').on(t.debtorId, t.receivedAt.desc()),
    index('inbound_replies_classifies_idx').on(t.classifiesId),
    uniqueIndex('inbound_replies_provider_message_idx')
      .on(t.providerMessageId, t.contactPointId)
      .where(sql`${t.providerMessageId} is not null`),
  ],
);
