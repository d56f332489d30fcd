import { getTableName } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import {
  agencyPlacements,
  auditEvents,
  cases,
  complianceDecisions,
  contactLog,
  contactPoints,
  debtors,
  inboundReplies,
  outboundMessageEvents,
  payments,
  promises,
  reviews,
} from './schema/index.ts';

/**
 * Every trigger the migrations create, in one place (decision record 030): the code never writes what these
 * keep, so a reader of a table learns here what else changes when a row does. A test holds this list equal to
 * what `pg_trigger` has in a migrated database, both ways; the seed's bulk load reads `bulkLoad` from it.
 */
export interface TriggerEntry {
  /** `pg_trigger.tgname`. */
  name: string;
  /** The table it is on. */
  table: PgTable;
  /** The function it executes. */
  function: string;
  /** The migration (drizzle/<migration>.sql) that creates it. */
  migration: string;
  /** What it refuses or keeps. */
  keeps: 'append-only history' | 'case keys' | 'report rollups';
  /**
   * `off`: the seed's bulk load switches it off and recomputes what it keeps set-based afterwards (a row trigger
   * that looks something up runs once per row, and with the indexes set aside each lookup is a scan). `on`: it
   * stays on (statement triggers that aggregate the loaded rows once per COPY, and the history guards).
   */
  bulkLoad: 'on' | 'off';
}

const history = (table: PgTable, name: string, migration = '0001_append_only_history'): TriggerEntry => ({
  name,
  table,
  function: 'arrears_reject_history_change',
  migration,
  keeps: 'append-only history',
  bulkLoad: 'on',
});

const rollup = (table: PgTable, name: string, fn: string, migration: string): TriggerEntry => ({
  name,
  table,
  function: fn,
  migration,
  keeps: 'report rollups',
  bulkLoad: 'on',
});

const caseKeys = (table: PgTable, name: string, fn: string, migration: string): TriggerEntry => ({
  name,
  table,
  function: fn,
  migration,
  keeps: 'case keys',
  bulkLoad: 'off',
});

/** The migration that moved the queue's keys into the queues' own table and recreated their triggers there. */
const QUEUE_STATE = '0033_case_queue_state';

export const TRIGGERS: readonly TriggerEntry[] = [
  // History the law and supervisors need unchanged: UPDATE and DELETE (row) and TRUNCATE (statement) refused.
  history(contactLog, 'contact_log_append_only'),
  history(contactLog, 'contact_log_no_truncate'),
  history(complianceDecisions, 'compliance_decisions_append_only'),
  history(complianceDecisions, 'compliance_decisions_no_truncate'),
  history(payments, 'payments_append_only'),
  history(payments, 'payments_no_truncate'),
  history(auditEvents, 'audit_events_append_only'),
  history(auditEvents, 'audit_events_no_truncate'),
  history(reviews, 'reviews_append_only'),
  history(reviews, 'reviews_no_truncate', '0023_reviews_no_truncate'),
  history(outboundMessageEvents, 'outbound_message_events_append_only', '0030_channels_outbox'),
  history(outboundMessageEvents, 'outbound_message_events_no_truncate', '0030_channels_outbox'),
  history(inboundReplies, 'inbound_replies_append_only', '0031_electronic_contact_law'),
  history(inboundReplies, 'inbound_replies_no_truncate', '0031_electronic_contact_law'),
  // Report rollups (decision record 011), one grouped upsert per statement from its transition table.
  rollup(payments, 'payments_report_rollup', 'report_roll_payments', '0006_report_rollup_triggers'),
  rollup(contactLog, 'contact_log_report_rollup', 'report_roll_contacts', '0006_report_rollup_triggers'),
  rollup(promises, 'promises_report_rollup_insert', 'report_roll_promises', '0006_report_rollup_triggers'),
  rollup(promises, 'promises_report_rollup_update', 'report_roll_promises', '0006_report_rollup_triggers'),
  rollup(cases, 'cases_report_rollup', 'report_roll_cases', '0006_report_rollup_triggers'),
  rollup(
    agencyPlacements,
    'agency_placements_report_rollup_insert',
    'report_roll_agency_placements',
    '0008_report_agency_balances',
  ),
  rollup(
    agencyPlacements,
    'agency_placements_report_rollup_update',
    'report_roll_agency_placements',
    '0008_report_agency_balances',
  ),
  // The queue row of each case (case_queue_state, decision records 007 and 039): created with the case, its owner
  // columns mirrored from it, its promise keys (next_pending_due, second_pending_due, latest_promise_due,
  // latest_promise_status) kept from the promises, its calendar-zone hint from the debtor and contact points.
  caseKeys(cases, 'cases_queue_state_insert', 'queue_state_for_new_cases', QUEUE_STATE),
  caseKeys(cases, 'cases_queue_state_mirror', 'queue_state_mirror_case', QUEUE_STATE),
  caseKeys(promises, 'promises_case_keys_insert', 'queue_state_promise_keys_trigger', QUEUE_STATE),
  caseKeys(promises, 'promises_case_keys_update', 'queue_state_promise_keys_trigger', QUEUE_STATE),
  caseKeys(promises, 'promises_case_keys_delete', 'queue_state_promise_keys_trigger', QUEUE_STATE),
  caseKeys(debtors, 'debtors_zone_hint_update', 'queue_state_zone_hints_from_debtors', QUEUE_STATE),
  caseKeys(
    contactPoints,
    'contact_points_zone_hint_insert',
    'queue_state_zone_hints_from_points',
    QUEUE_STATE,
  ),
  caseKeys(
    contactPoints,
    'contact_points_zone_hint_update',
    'queue_state_zone_hints_from_points',
    QUEUE_STATE,
  ),
  caseKeys(
    contactPoints,
    'contact_points_zone_hint_delete',
    'queue_state_zone_hints_from_points',
    QUEUE_STATE,
  ),
];

/** A trigger's table by its name in the database. */
export const triggerTable = (trigger: TriggerEntry): string => getTableName(trigger.table);

/** The triggers a bulk load switches off (by name), recomputing what they keep once afterwards. */
export function bulkLoadOffTriggers(): string[] {
  return TRIGGERS.filter((t) => t.bulkLoad === 'off').map((t) => t.name);
}
