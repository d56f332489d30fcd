import { index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { cases } from './cases.ts';
import { createdAt, id, instant, minor, uuidRef } from './columns.ts';
import { contactPoints } from './debtors.ts';
import { legalStatusEnum, placementStatusEnum, visitStatusEnum } from './enums.ts';
import { agencies } from './portfolios.ts';
import { users } from './users.ts';

/** A case placed with an outside agency, until recalled. */
export const agencyPlacements = pgTable(
  'agency_placements',
  {
    id: id(),
    caseId: uuidRef('case_id', () => cases.id).notNull(),
    agencyId: uuidRef('agency_id', () => agencies.id).notNull(),
    status: placementStatusEnum('status').notNull().default('placed'),
    balanceAtPlacementMinor: minor('balance_at_placement_minor').notNull(),
    currency: text('currency').notNull(),
    commissionBps: integer('commission_bps').notNull(),
    placedBy: uuidRef('placed_by', () => users.id),
    approvedBy: uuidRef('approved_by', () => users.id),
    placedAt: instant('placed_at').notNull(),
    recalledAt: instant('recalled_at'),
    recallReason: text('recall_reason'),
    createdAt: createdAt(),
  },
  (t) => [
    index('agency_placements_case_idx').on(t.caseId),
    index('agency_placements_agency_idx').on(t.agencyId, t.status),
  ],
);

export const fieldVisits = pgTable(
  'field_visits',
  {
    id: id(),
    caseId: uuidRef('case_id', () => cases.id).notNull(),
    addressId: uuidRef('address_id', () => contactPoints.id),
    scheduledFor: instant('scheduled_for').notNull(),
    fieldAgentId: uuidRef('field_agent_id', () => users.id),
    approvedBy: uuidRef('approved_by', () => users.id),
    /** CN-CBA-VISIT: the audio/video recording of the visit. */
    recordingRef: text('recording_ref'),
    status: visitStatusEnum('status').notNull().default('scheduled'),
    outcome: text('outcome'),
    createdBy: uuidRef('created_by', () => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('field_visits_case_idx').on(t.caseId)],
);

export const legalActions = pgTable(
  'legal_actions',
  {
    id: id(),
    caseId: uuidRef('case_id', () => cases.id).notNull(),
    court: text('court').notNull(),
    reference: text('reference'),
    status: legalStatusEnum('status').notNull().default('prepared'),
    claimMinor: minor('claim_minor').notNull(),
    currency: text('currency').notNull(),
    approvedBy: uuidRef('approved_by', () => users.id),
    filedAt: instant('filed_at'),
    createdBy: uuidRef('created_by', () => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('legal_actions_case_idx').on(t.caseId)],
);
