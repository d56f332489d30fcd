import { index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { cases } from './cases.ts';
import { createdAt, id, instant, minor } from './columns.ts';
import { contactPoints } from './debtors.ts';
import { legalStatusEnum, placementStatusEnum, visitStatusEnum } from './enums.ts';
import { agencies } from './portfolios.ts';
import { users } from './users.ts';

/** A case placed with an outside agency, until recalled. */
export const agencyPlacements = pgTable(
  'agency_placements',
  {
    id: id(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    status: placementStatusEnum('status').notNull().default('placed'),
    balanceAtPlacementMinor: minor('balance_at_placement_minor').notNull(),
    currency: text('currency').notNull(),
    commissionBps: integer('commission_bps').notNull(),
    placedBy: uuid('placed_by').references(() => users.id),
    approvedBy: uuid('approved_by').references(() => users.id),
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
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    addressId: uuid('address_id').references(() => contactPoints.id),
    scheduledFor: instant('scheduled_for').notNull(),
    fieldAgentId: uuid('field_agent_id').references(() => users.id),
    approvedBy: uuid('approved_by').references(() => users.id),
    /** CN-CBA-VISIT: the audio/video recording of the visit. */
    recordingRef: text('recording_ref'),
    status: visitStatusEnum('status').notNull().default('scheduled'),
    outcome: text('outcome'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('field_visits_case_idx').on(t.caseId)],
);

export const legalActions = pgTable(
  'legal_actions',
  {
    id: id(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    court: text('court').notNull(),
    reference: text('reference'),
    status: legalStatusEnum('status').notNull().default('prepared'),
    claimMinor: minor('claim_minor').notNull(),
    currency: text('currency').notNull(),
    approvedBy: uuid('approved_by').references(() => users.id),
    filedAt: instant('filed_at'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('legal_actions_case_idx').on(t.caseId)],
);
