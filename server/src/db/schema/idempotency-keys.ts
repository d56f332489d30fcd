import { index, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { createdAt, uuidRef } from './columns.ts';
import { users } from './users.ts';

/**
 * One row per create request a user sent with an idempotency key (decision 022). The row is inserted, the write
 * done and its response stored in one transaction, so a committed row always holds the answer: a retry with the
 * same key and the same request gets that answer back instead of writing twice. Keys are per user and kept 24 h.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: uuidRef('user_id', () => users.id).notNull(),
    key: text('key').notNull(),
    /** The procedure, e.g. `casework.addNote`: a key reused on another procedure is another request. */
    procedure: text('procedure').notNull(),
    /** SHA-256 (hex) of the canonical JSON of the whole input without the key. */
    requestHash: text('request_hash').notNull(),
    response: jsonb('response').$type<unknown>(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] }), index('idempotency_keys_created_idx').on(t.createdAt)],
);
