import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { cases } from './cases.ts';
import { createdAt, instant, serialId, serialRef, uuidRef } from './columns.ts';
import { contactPoints, debtors, thirdParties } from './debtors.ts';
import { actionKindEnum, contactOutcomeEnum, directionEnum, messagePurposeEnum } from './enums.ts';
import { users } from './users.ts';

/**
 * Every contact with or about a debtor: calls, messages, letters, visits, third-party contacts.
 * Append-only in the database (a trigger rejects UPDATE and DELETE); a correction is a new row with `correctsId`.
 */
export const contactLog = pgTable(
  'contact_log',
  {
    id: serialId(),
    caseId: uuidRef('case_id', () => cases.id).notNull(),
    debtorId: uuidRef('debtor_id', () => debtors.id).notNull(),
    /** Every debt the contact was about (a conversation about two debts names both; docs/compliance/CATALOG.md principle 5). */
    caseIds: uuid('case_ids').array().notNull(),
    kind: actionKindEnum('kind').notNull(),
    direction: directionEnum('direction').notNull(),
    contactPointId: uuidRef('contact_point_id', () => contactPoints.id),
    thirdPartyId: uuidRef('third_party_id', () => thirdParties.id),
    /** Null for automated contacts (reminders). */
    agentId: uuidRef('agent_id', () => users.id),
    outcome: contactOutcomeEnum('outcome').notNull(),
    durationSeconds: integer('duration_seconds'),
    purpose: messagePurposeEnum('purpose'),
    disclosures: text('disclosures').array(),
    templateId: uuid('template_id'),
    body: text('body'),
    notes: text('notes'),
    /** Extra structured facts (e.g. third-party purpose, recording reference). */
    details: jsonb('details').$type<Record<string, unknown>>(),
    decisionId: serialRef('decision_id'),
    correctsId: serialRef('corrects_id'),
    occurredAt: instant('occurred_at').notNull(),
    recordedAt: createdAt(),
  },
  (t) => [
    index('contact_log_debtor_time_idx').on(t.debtorId, t.occurredAt.desc()),
    index('contact_log_case_time_idx').on(t.caseId, t.occurredAt.desc()),
    index('contact_log_agent_time_idx').on(t.agentId, t.occurredAt.desc()),
    index('contact_log_time_idx').on(t.occurredAt),
    /** The history loader leaves out a row a later one corrects (a message that bounced or failed). */
    index('contact_log_corrects_idx').on(t.correctsId).where(sql`corrects_id is not null`),
  ],
);
