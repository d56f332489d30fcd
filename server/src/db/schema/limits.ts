import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { instant } from './columns.ts';

/**
 * Request rates per key, shared by every server instance (decision 018): the generic cell rate algorithm, one row
 * per limited action and user, checked and spent by one upsert.
 */
export const rateLimitState = pgTable('rate_limit_state', {
  /** The action and who does it, e.g. `queues.next:<user id>`. */
  key: text('key').primaryKey(),
  /**
   * The allowance is spent until this instant: each allowed request pushes it one interval on (from now at the
   * earliest), and a request is refused while it lies more than burst − 1 intervals ahead of now.
   */
  spentUntil: instant('spent_until').notNull(),
  /** Requests refused since the last one allowed. */
  refused: integer('refused').notNull().default(0),
});
