import { index, pgTable, text } from 'drizzle-orm/pg-core';
import { cases } from './cases.ts';
import { createdAt, id, instant, uuidRef } from './columns.ts';
import { complaintStatusEnum, disputeSubjectEnum } from './enums.ts';
import { users } from './users.ts';

/**
 * A dispute pauses collection of the debt until verification is sent (US-FDCPA-DISPUTE); a request for the original
 * creditor's name and address (`subject` original_creditor) until the answer is sent (US-FDCPA-ORIGCRED), which
 * `verificationSentAt` records.
 */
export const disputes = pgTable(
  'disputes',
  {
    id: id(),
    caseId: uuidRef('case_id', () => cases.id).notNull(),
    receivedAt: instant('received_at').notNull(),
    subject: disputeSubjectEnum('subject').notNull().default('debt'),
    reason: text('reason').notNull(),
    verificationSentAt: instant('verification_sent_at'),
    recordedBy: uuidRef('recorded_by', () => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('disputes_case_idx').on(t.caseId)],
);

/** A debtor's complaint about how they were treated, tied to the case and the agent it names. */
export const complaints = pgTable(
  'complaints',
  {
    id: id(),
    caseId: uuidRef('case_id', () => cases.id).notNull(),
    agentId: uuidRef('agent_id', () => users.id),
    receivedAt: instant('received_at').notNull(),
    channel: text('channel').notNull(),
    description: text('description').notNull(),
    status: complaintStatusEnum('status').notNull().default('open'),
    assignedTo: uuidRef('assigned_to', () => users.id),
    resolveBy: instant('resolve_by').notNull(),
    resolution: text('resolution'),
    resolvedAt: instant('resolved_at'),
    resolvedBy: uuidRef('resolved_by', () => users.id),
    recordedBy: uuidRef('recorded_by', () => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('complaints_case_idx').on(t.caseId),
    index('complaints_agent_idx').on(t.agentId),
    index('complaints_status_idx').on(t.status, t.receivedAt),
  ],
);
