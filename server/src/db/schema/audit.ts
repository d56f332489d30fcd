import { index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, serialId, uuidRef } from './columns.ts';
import { users } from './users.ts';

/**
 * Who did what to which record, with the values before and after. Written in the same transaction as the
 * change it describes. Append-only in the database.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: serialId(),
    actorId: uuidRef('actor_id', () => users.id),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    caseId: uuid('case_id'),
    before: jsonb('before').$type<unknown>(),
    after: jsonb('after').$type<unknown>(),
    ip: text('ip'),
    at: createdAt(),
  },
  (t) => [
    index('audit_events_entity_idx').on(t.entityType, t.entityId),
    index('audit_events_case_idx').on(t.caseId, t.at),
    index('audit_events_actor_idx').on(t.actorId, t.at),
  ],
);
