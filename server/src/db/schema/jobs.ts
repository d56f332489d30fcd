import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, instant, serialId } from './columns.ts';

/**
 * The job queue kept in PostgreSQL (decision 013). Workers claim with `FOR UPDATE SKIP LOCKED` and hold a lease;
 * a job whose lease runs out (its worker died) is claimed again. `singletonKey` makes an enqueue idempotent: a
 * scheduled slot is enqueued under `name@slot`, so two instances racing for the same slot create one job.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: serialId(),
    name: text('name').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    /** queued → running → done | failed (a failed attempt with attempts left goes back to queued). */
    state: text('state', { enum: ['queued', 'running', 'done', 'failed'] })
      .notNull()
      .default('queued'),
    runAt: instant('run_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    singletonKey: text('singleton_key'),
    lockedBy: text('locked_by'),
    lockedUntil: instant('locked_until'),
    lastError: text('last_error'),
    createdAt: createdAt(),
    finishedAt: instant('finished_at'),
  },
  (t) => [
    uniqueIndex('jobs_singleton_key_idx').on(t.singletonKey),
    index('jobs_due_idx').on(t.runAt).where(sql`state = 'queued'`),
    index('jobs_lease_idx').on(t.lockedUntil).where(sql`state = 'running'`),
  ],
);

/** One row per scheduled job: the next slot it fires at. Advancing it is a compare-and-set, so one instance wins. */
export const jobSchedules = pgTable('job_schedules', {
  name: text('name').primaryKey(),
  cron: text('cron').notNull(),
  timezone: text('timezone').notNull(),
  nextRunAt: instant('next_run_at').notNull(),
  lastRunAt: instant('last_run_at'),
});
