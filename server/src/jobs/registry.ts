/**
 * Every background job of the server, run on the job queue in PostgreSQL (decision record 013).
 *
 * To add a job: append a definition to `jobDefinitions` below —
 *   { name: 'module.verb', schedule: { cron: '0 2 * * *', timezone: 'UTC' }, handler: async ({ db, now, logger, job }) => { … } }
 * `schedule` is a five-field cron read in the IANA `timezone`; leave it out for a job that only runs when enqueued
 * with `enqueueJob(db, name, payload, { runAt, singletonKey })` (inside a transaction it commits with your writes).
 * A scheduled slot fires once across all server instances; a job is claimed by one worker; a throw is retried with
 * backoff (`maxAttempts`, `backoffMs`); a worker that dies mid-job loses it after `leaseMs` and another takes over,
 * so handlers must be safe to run again (idempotent). Handlers use `now` from the context, never `new Date()`:
 * tests run due work with an explicit instant through `JobRunner.runDue(now)`.
 */
import { pruneSessions } from '../modules/auth/session.ts';
import { pruneThrottle } from '../modules/auth/throttle.ts';
import {
  DELIVER_BACKOFF_MS,
  DELIVER_JOB,
  DELIVER_MAX_ATTEMPTS,
  runDeliverJob,
} from '../modules/channels/outbox.ts';
import { pruneIdempotencyKeys } from '../modules/idempotency/idempotency-keys.ts';
import { runNightlyRoll } from '../modules/ladder/roll.service.ts';
import { runReminders } from '../modules/reminders/scheduler.ts';
import type { JobDefinition } from './queue.ts';

export type { EnqueueOptions, JobContext, JobDefinition, JobSchedule } from './queue.ts';
export { enqueueJob } from './queue.ts';

export const jobDefinitions: JobDefinition[] = [
  {
    // Expired sessions, sign-in throttle streaks long over and old attempt records (decision 017).
    name: 'auth.prune',
    schedule: { cron: '7 * * * *', timezone: 'UTC' },
    handler: async ({ db, now }) => {
      await pruneSessions(db, now);
      await pruneThrottle(db, now);
    },
  },
  {
    // Due reminders through the compliance guard; at most one per case per run (modules/reminders/scheduler.ts).
    name: 'reminders.run',
    schedule: { cron: '*/15 * * * *', timezone: 'UTC' },
    leaseMs: 30 * 60_000,
    handler: async ({ db, now, logger }) => {
      await runReminders(db, { now, logger });
    },
  },
  {
    // The nightly roll (modules/ladder, decision 014) at 10:00 UTC, when every US zone and China share the date.
    // A second run the same date answers from roll_runs; a retry after a crash redoes only what is still undone.
    name: 'ladder.nightlyRoll',
    schedule: { cron: '0 10 * * *', timezone: 'UTC' },
    leaseMs: 3 * 3_600_000,
    handler: async ({ db, now, logger }) => {
      const { alreadyRan, summary } = await runNightlyRoll(db, {
        now,
        log: (message) => logger.info(message),
      });
      logger.info({ alreadyRan, summary }, 'nightly roll');
    },
  },
  {
    // A failed message handed off again (modules/channels): judged by the guard at each run, same key each time;
    // a provider failure throws, so the queue retries with doubling backoff.
    name: DELIVER_JOB,
    maxAttempts: DELIVER_MAX_ATTEMPTS,
    backoffMs: DELIVER_BACKOFF_MS,
    handler: async ({ db, now, job }) => {
      await runDeliverJob(db, job.payload, now);
    },
  },
  {
    // Idempotency keys answer retries for 24 hours (decision 022); older ones are dropped.
    name: 'idempotency.prune',
    schedule: { cron: '17 * * * *', timezone: 'UTC' },
    handler: async ({ db, now, logger }) => {
      logger.info({ pruned: await pruneIdempotencyKeys(db, now) }, 'idempotency keys pruned');
    },
  },
];
