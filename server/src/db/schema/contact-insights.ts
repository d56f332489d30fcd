import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, smallint, text, uuid } from 'drizzle-orm/pg-core';
import { instant, serialRef } from './columns.ts';
import { contactLog } from './contact-log.ts';

/**
 * What the supervisor's audit needs to know about a contact, stamped when the contact is recorded (same
 * transaction) because `contact_log` is append-only: the debtor's calendar zone as the engine decided it, the local
 * hour, minute and ISO weekday there, and where the contact fell against the calling window the portfolio applied
 * (0 inside, 1 inside but within EDGE_MINUTES of an edge, 2 outside). One row per contact; see decision record 009.
 */
export const contactInsights = pgTable(
  'contact_insights',
  {
    contactId: serialRef('contact_id')
      .primaryKey()
      .references(() => contactLog.id),
    caseId: uuid('case_id').notNull(),
    agentId: uuid('agent_id'),
    occurredAt: instant('occurred_at').notNull(),
    /** Outbound, by an agent, of a kind a calling window applies to: what the heat map counts. */
    timed: boolean('timed').notNull(),
    debtorZone: text('debtor_zone').notNull(),
    localHour: smallint('local_hour').notNull(),
    localMinute: smallint('local_minute').notNull(),
    localWeekday: smallint('local_weekday').notNull(),
    windowPosition: smallint('window_position').notNull(),
  },
  (t) => [
    // Heat-map cells of an agent's or a range's timed contacts, read index-only (the case id serves the scope).
    index('contact_insights_agent_cell_idx')
      .on(t.agentId, t.occurredAt, t.caseId, t.localWeekday, t.localHour, t.windowPosition)
      .where(sql`${t.timed}`),
    index('contact_insights_time_cell_idx')
      .on(t.occurredAt, t.caseId, t.localWeekday, t.localHour, t.windowPosition)
      .where(sql`${t.timed}`),
  ],
);
