import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { cases } from './cases.ts';
import { createdAt, id, instant } from './columns.ts';
import { complaintStatusEnum } from './enums.ts';
import { users } from './users.ts';

/** A dispute pauses collection of the debt until verification is sent (US-FDCPA-DISPUTE). */
export const disputes = pgTable(
  'disputes',
  {
    id: id(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    receivedAt: instant('received_at').notNull(),
    reason: text('reason').notNull(),
    verificationSentAt: instant('verification_sent_at'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('disputes_case_idx').on(t.caseId)],
);

/** A debtor's complaint about how they were treated, tied to the case and the agent it names. */
export const complaints = pgTable(
  'complaints',
  {
    id: id(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    agentId: uuid('agent_id').references(() => users.id),
    receivedAt: instant('received_at').notNull(),
    channel: text('channel').notNull(),
    description: text('description').notNull(),
    status: complaintStatusEnum('status').notNull().default('open'),
    assignedTo: uuid('assigned_to').references(() => users.id),
    resolveBy: instant('resolve_by').notNull(),
    resolution: text('resolution'),
    resolvedAt: instant('resolved_at'),
    resolvedBy: uuid('resolved_by').references(() => users.id),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('complaints_case_idx').on(t.caseId),
    index('complaints_agent_idx').on(t.agentId),
    index('complaints_status_idx').on(t.status, t.receivedAt),
  ],
);
