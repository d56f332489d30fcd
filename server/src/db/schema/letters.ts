import { index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { cases } from './cases.ts';
import { calendarDate, createdAt, id, instant, serialRef, uuidRef } from './columns.ts';
import { contactPoints } from './debtors.ts';
import { users } from './users.ts';

export const LETTER_KINDS = ['validation_notice', 'debt_statement'] as const;
export const LETTER_STATES = ['queued', 'mailed', 'withheld'] as const;

/**
 * A print run for the mail vendor: the letters of one mailing date judged at one cut-off. The zip handed to the
 * vendor is kept (base64) so the same file can be fetched again; the letters name the batch.
 */
export const letterBatches = pgTable('letter_batches', {
  id: id(),
  mailingDate: calendarDate('mailing_date').notNull(),
  cutoffAt: instant('cutoff_at').notNull(),
  builtBy: uuidRef('built_by', () => users.id),
  mailedCount: integer('mailed_count').notNull(),
  withheldCount: integer('withheld_count').notNull(),
  zipBase64: text('zip_base64').notNull(),
  createdAt: createdAt(),
});

/**
 * The print queue: one letter asked for (by an agent, or a reminder step on the `letter` channel), queued until a
 * batch's cut-off judges it again. queued → mailed (the contact-log row of the mailing is `contactId`) or withheld
 * (the guard refused at the cut-off: `withheldRuleId` and the blocked decision). Returned mail is a new contact-log
 * row (`bounced`); `returnedContactId` points at it.
 */
export const letters = pgTable(
  'letters',
  {
    id: id(),
    caseId: uuidRef('case_id', () => cases.id).notNull(),
    purpose: text('purpose', { enum: LETTER_KINDS }).notNull(),
    contactPointId: uuidRef('contact_point_id', () => contactPoints.id),
    source: text('source', { enum: ['manual', 'reminder'] }).notNull(),
    requestedBy: uuidRef('requested_by', () => users.id),
    requestedAt: instant('requested_at').notNull(),
    state: text('state', { enum: LETTER_STATES }).notNull().default('queued'),
    batchId: uuid('batch_id').references(() => letterBatches.id),
    pages: integer('pages'),
    contactId: serialRef('contact_id'),
    withheldRuleId: text('withheld_rule_id'),
    withheldDecisionId: serialRef('withheld_decision_id'),
    returnedContactId: serialRef('returned_contact_id'),
    createdAt: createdAt(),
  },
  (t) => [index('letters_state_idx').on(t.state, t.requestedAt), index('letters_case_idx').on(t.caseId)],
);
