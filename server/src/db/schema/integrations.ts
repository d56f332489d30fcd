import { index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { cases } from './cases.ts';
import { createdAt, id, instant, serialId, serialRef, uuidRef } from './columns.ts';
import { contactPoints, debtors } from './debtors.ts';
import { actionKindEnum } from './enums.ts';
import { teams, users } from './users.ts';

/**
 * A connected system's API key (the dialer's door, decision record 045): only its sha-256 is kept, the key itself
 * is shown once. It reaches the cases of `teamIds`, and of those only `portfolioIds` when that list is not empty.
 */
export const integrationKeys = pgTable('integration_keys', {
  id: id(),
  name: text('name').notNull(),
  /** The key's first characters, shown in lists and logs so a key can be recognised without being revealed. */
  prefix: text('prefix').notNull().unique(),
  /** sha-256 of the whole key, hex. */
  keyHash: text('key_hash').notNull().unique(),
  teamIds: uuid('team_ids').array().notNull(),
  portfolioIds: uuid('portfolio_ids').array().notNull().default([]),
  createdBy: uuidRef('created_by', () => users.id),
  createdAt: createdAt(),
  /** Moved at most once a minute, so a busy key does not queue on its own row. */
  lastUsedAt: instant('last_used_at'),
  revokedAt: instant('revoked_at'),
  revokedBy: uuidRef('revoked_by', () => users.id),
});

/**
 * A dial a dialer was told it may make: live until `expiresAt` unless a result consumed it (`dial_results`), and
 * counted as a call by the guard while live, so two dialers cannot both take the last call of the week.
 */
export const dialReservations = pgTable(
  'dial_reservations',
  {
    id: id(),
    integrationKeyId: uuidRef('integration_key_id', () => integrationKeys.id).notNull(),
    caseId: uuidRef('case_id', () => cases.id).notNull(),
    debtorId: uuidRef('debtor_id', () => debtors.id).notNull(),
    contactPointId: uuidRef('contact_point_id', () => contactPoints.id).notNull(),
    kind: actionKindEnum('kind').notNull(),
    reservedAt: instant('reserved_at').notNull(),
    expiresAt: instant('expires_at').notNull(),
    /** The decision kept with the allowance (warnings), if any. */
    decisionId: serialRef('decision_id'),
  },
  (t) => [index('dial_reservations_debtor_idx').on(t.debtorId, t.expiresAt)],
);

/**
 * A dial's result as a dialer reported it, once per (key, call id): the answer is kept so a replay answers the same.
 * `reservationId` is the reservation it consumed (at most one result each).
 */
export const dialResults = pgTable(
  'dial_results',
  {
    id: serialId(),
    integrationKeyId: uuidRef('integration_key_id', () => integrationKeys.id).notNull(),
    callId: text('call_id').notNull(),
    requestHash: text('request_hash').notNull(),
    caseId: uuidRef('case_id', () => cases.id).notNull(),
    reservationId: uuidRef('reservation_id', () => dialReservations.id),
    contactId: serialRef('contact_id').notNull(),
    decisionId: serialRef('decision_id'),
    response: jsonb('response').$type<Record<string, unknown>>().notNull(),
    recordedAt: createdAt(),
  },
  (t) => [
    uniqueIndex('dial_results_call_key').on(t.integrationKeyId, t.callId),
    uniqueIndex('dial_results_reservation_key').on(t.reservationId),
  ],
);

/**
 * Something a supervisor of the case's team must look at (a dial made without a live reservation): raised by a
 * machine, kept as raised.
 */
export const supervisorAlerts = pgTable(
  'supervisor_alerts',
  {
    id: serialId(),
    kind: text('kind').notNull(),
    caseId: uuidRef('case_id', () => cases.id).notNull(),
    teamId: uuidRef('team_id', () => teams.id),
    contactId: serialRef('contact_id'),
    decisionId: serialRef('decision_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull(),
    raisedAt: createdAt(),
  },
  (t) => [index('supervisor_alerts_team_idx').on(t.teamId, t.raisedAt.desc())],
);
