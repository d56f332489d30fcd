import { and, eq, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { type Database, type Executor, queryRows } from '../db/client.ts';
import { jobs } from '../db/schema/index.ts';

/** What a handler gets: the database, the instant the run is for (tests pass it explicitly) and its job. */
export interface JobContext {
  db: Database;
  now: Date;
  logger: Logger;
  job: { id: number; name: string; payload: Record<string, unknown>; attempt: number };
}

export interface JobSchedule {
  /** A five-field cron expression (minute hour day month weekday), read in `timezone`. */
  cron: string;
  /** IANA zone the cron expression is read in, e.g. `UTC` or `America/New_York`. */
  timezone: string;
}

export interface JobDefinition {
  name: string;
  /** Absent for jobs that only run when enqueued. */
  schedule?: JobSchedule;
  handler: (ctx: JobContext) => Promise<void>;
  /** Attempts before the job is marked failed (default 5). */
  maxAttempts?: number;
  /** How long a claim lasts before another worker may take the job over (default 5 minutes). */
  leaseMs?: number;
  /** First retry delay; doubled each attempt, capped at one hour (default 30 s). */
  backoffMs?: number;
}

export interface EnqueueOptions {
  runAt?: Date;
  /** A job with the same key is enqueued once: a second enqueue returns null. */
  singletonKey?: string;
  maxAttempts?: number;
}

/** Adds a one-off job; inside a transaction it is committed (or not) with the caller's writes. */
export async function enqueueJob(
  db: Executor,
  name: string,
  payload: Record<string, unknown> = {},
  options: EnqueueOptions = {},
): Promise<number | null> {
  const [row] = await db
    .insert(jobs)
    .values({
      name,
      payload,
      runAt: options.runAt ?? new Date(),
      singletonKey: options.singletonKey ?? null,
      ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}),
    })
    .onConflictDoNothing({ target: jobs.singletonKey })
    .returning({ id: jobs.id });
  return row?.id ?? null;
}

export interface ClaimedJob {
  id: number;
  name: string;
  payload: Record<string, unknown>;
  attempts: number;
  maxAttempts: number;
}

/**
 * Claims the oldest due job among `names`: a queued job whose time has come, or a running one whose lease ran out
 * (its worker died). `SKIP LOCKED` lets several workers claim side by side, each a different job.
 */
export async function claimJob(
  db: Executor,
  /** Each job name this worker runs, with how long its claim lasts (ms). */
  leases: ReadonlyMap<string, number>,
  workerId: string,
  now: Date,
): Promise<ClaimedJob | null> {
  if (leases.size === 0) return null;
  const names = [...leases.keys()];
  const nameList = sql.join(
    names.map((n) => sql`${n}`),
    sql`, `,
  );
  const leaseMs = sql.join(
    names.map((n) => sql`when ${n} then ${leases.get(n)}::bigint`),
    sql` `,
  );
  const until = sql`${now.toISOString()}::timestamptz + (case name ${leaseMs} end) * interval '1 millisecond'`;
  const rows = await queryRows<{
    id: string | number;
    name: string;
    payload: Record<string, unknown>;
    attempts: number;
    max_attempts: number;
  }>(
    db,
    sql`update jobs set state = 'running', locked_by = ${workerId}, locked_until = ${until},
          attempts = attempts + 1
        where id = (
          select id from jobs
          where name in (${nameList})
            and ((state = 'queued' and run_at <= ${now.toISOString()}::timestamptz)
              or (state = 'running' and locked_until < ${now.toISOString()}::timestamptz
                and attempts < max_attempts))
          order by run_at, id
          limit 1
          for update skip locked)
        returning id, name, payload, attempts, max_attempts`,
  );
  const row = rows[0];
  if (!row) return null;
  return {
    id: Number(row.id),
    name: row.name,
    payload: row.payload ?? {},
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
  };
}

/** Marks the job done, if this worker still holds it (a worker whose lease was taken over changes nothing). */
export async function completeJob(db: Executor, id: number, workerId: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({ state: 'done', finishedAt: now, lockedBy: null, lockedUntil: null, lastError: null })
    .where(and(eq(jobs.id, id), eq(jobs.lockedBy, workerId), eq(jobs.state, 'running')))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

/** A failed attempt: back to the queue after the backoff, or failed for good once the attempts are spent. */
export async function failJob(
  db: Executor,
  job: ClaimedJob,
  workerId: string,
  now: Date,
  error: string,
  backoffMs: number,
): Promise<'retry' | 'failed'> {
  const spent = job.attempts >= job.maxAttempts;
  const delay = Math.min(backoffMs * 2 ** (job.attempts - 1), 3_600_000);
  await db
    .update(jobs)
    .set(
      spent
        ? { state: 'failed', finishedAt: now, lockedBy: null, lockedUntil: null, lastError: error }
        : {
            state: 'queued',
            runAt: new Date(now.getTime() + delay),
            lockedBy: null,
            lockedUntil: null,
            lastError: error,
          },
    )
    .where(and(eq(jobs.id, job.id), eq(jobs.lockedBy, workerId), eq(jobs.state, 'running')));
  return spent ? 'failed' : 'retry';
}

/** Jobs whose worker died on their last attempt: nobody will take them over, so they are failed. */
export async function failAbandonedJobs(db: Executor, now: Date): Promise<number> {
  const rows = await db
    .update(jobs)
    .set({ state: 'failed', finishedAt: now, lastError: 'lease expired on the last attempt' })
    .where(
      and(
        eq(jobs.state, 'running'),
        sql`${jobs.lockedUntil} < ${now.toISOString()}::timestamptz`,
        sql`${jobs.attempts} >= ${jobs.maxAttempts}`,
      ),
    )
    .returning({ id: jobs.id });
  return rows.length;
}
