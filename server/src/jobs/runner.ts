import { randomUUID } from 'node:crypto';
import { Cron } from 'croner';
import { and, eq, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Database } from '../db/client.ts';
import { jobSchedules } from '../db/schema/index.ts';
import { isDatabaseUnavailable } from '../errors.ts';
import { logger as rootLogger } from '../logger.ts';
import {
  type ClaimedJob,
  claimJob,
  completeJob,
  enqueueJob,
  failAbandonedJobs,
  failJob,
  type JobDefinition,
  type JobSchedule,
} from './queue.ts';

const DEFAULT_LEASE_MS = 5 * 60_000;
const DEFAULT_BACKOFF_MS = 30_000;

export interface JobRunnerOptions {
  db: Database;
  definitions: readonly JobDefinition[];
  workerId?: string;
  /** How often the loop looks for due work when started (default 5 s). */
  pollMs?: number;
  /** The clock of the started loop; tests call `runDue(now)` instead. */
  clock?: () => Date;
  logger?: Logger;
}

export interface RunSummary {
  enqueued: number;
  ran: number;
  failed: number;
}

/** The next slot of a schedule strictly after `after`. */
export function nextSlot(schedule: JobSchedule, after: Date): Date {
  const next = new Cron(schedule.cron, { timezone: schedule.timezone, paused: true }).nextRun(after);
  if (!next) throw new Error(`schedule ${schedule.cron} (${schedule.timezone}) has no next run`);
  return next;
}

/**
 * Runs the registry's jobs against the queue in PostgreSQL. Any number of runners (one per server instance) share
 * the queue: each job is claimed by one of them, each scheduled slot is enqueued once. `runDue(now)` does all the
 * work due at `now` and returns; `start()` calls it on a timer, `stop()` waits for the job in hand.
 */
export class JobRunner {
  readonly workerId: string;
  private readonly db: Database;
  private readonly byName: Map<string, JobDefinition>;
  private readonly pollMs: number;
  private readonly clock: () => Date;
  private readonly log: Logger;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopping = false;
  /** Failed attempts the database was not there to record; recorded on the next round so they retry before lease. */
  private unrecorded: { job: ClaimedJob; error: string; backoffMs: number }[] = [];

  constructor(options: JobRunnerOptions) {
    this.db = options.db;
    this.byName = new Map(options.definitions.map((d) => [d.name, d]));
    this.workerId = options.workerId ?? `worker-${randomUUID().slice(0, 8)}`;
    this.pollMs = options.pollMs ?? 5_000;
    this.clock = options.clock ?? (() => new Date());
    this.log = (options.logger ?? rootLogger).child({ worker: this.workerId });
  }

  /** Records each schedule's next slot; a changed cron or zone starts over from `now`. Never fires a missed slot twice. */
  async syncSchedules(now: Date): Promise<void> {
    for (const def of this.byName.values()) {
      if (!def.schedule) continue;
      const { cron, timezone } = def.schedule;
      const next = nextSlot(def.schedule, now);
      await this.db
        .insert(jobSchedules)
        .values({ name: def.name, cron, timezone, nextRunAt: next })
        .onConflictDoUpdate({
          target: jobSchedules.name,
          set: { cron, timezone, nextRunAt: next },
          setWhere: sql`${jobSchedules.cron} <> ${cron} or ${jobSchedules.timezone} <> ${timezone}`,
        });
    }
  }

  /**
   * Enqueues every schedule whose slot has come. Moving `next_run_at` on is a compare-and-set on the slot it read,
   * and the job's singleton key is `name@slot`: racing instances enqueue one job per slot.
   */
  async enqueueDueSchedules(now: Date): Promise<number> {
    let enqueued = 0;
    for (const def of this.byName.values()) {
      if (!def.schedule) continue;
      const [row] = await this.db
        .select({ nextRunAt: jobSchedules.nextRunAt })
        .from(jobSchedules)
        .where(eq(jobSchedules.name, def.name));
      if (!row || row.nextRunAt > now) continue;
      const slot = row.nextRunAt;
      const schedule = def.schedule;
      await this.db.transaction(async (tx) => {
        const moved = await tx
          .update(jobSchedules)
          .set({ nextRunAt: nextSlot(schedule, now), lastRunAt: slot })
          .where(and(eq(jobSchedules.name, def.name), eq(jobSchedules.nextRunAt, slot)))
          .returning({ name: jobSchedules.name });
        if (moved.length === 0) return;
        const id = await enqueueJob(
          tx,
          def.name,
          { slot: slot.toISOString() },
          {
            runAt: slot,
            singletonKey: `${def.name}@${slot.toISOString()}`,
            ...(def.maxAttempts ? { maxAttempts: def.maxAttempts } : {}),
          },
        );
        if (id !== null) enqueued++;
      });
    }
    return enqueued;
  }

  /** Claims and runs one due job; false when there is none. */
  async runOne(now: Date): Promise<'none' | 'done' | 'retry' | 'failed'> {
    const leases = new Map([...this.byName.values()].map((d) => [d.name, d.leaseMs ?? DEFAULT_LEASE_MS]));
    const job = await claimJob(this.db, leases, this.workerId, now);
    if (!job) return 'none';
    return this.execute(job, now);
  }

  private async execute(job: ClaimedJob, now: Date): Promise<'done' | 'retry' | 'failed'> {
    const def = this.byName.get(job.name);
    const log = this.log.child({ job: job.name, jobId: job.id, attempt: job.attempts });
    try {
      if (!def) throw new Error(`no handler for job ${job.name}`);
      await def.handler({
        db: this.db,
        now,
        logger: log,
        job: { id: job.id, name: job.name, payload: job.payload, attempt: job.attempts },
      });
      await completeJob(this.db, job.id, this.workerId, now);
      log.debug('job done');
      return 'done';
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const backoffMs = def?.backoffMs ?? DEFAULT_BACKOFF_MS;
      try {
        const outcome = await failJob(this.db, job, this.workerId, now, message, backoffMs);
        log.warn({ err: error, outcome }, 'job failed');
        return outcome;
      } catch (recordError) {
        if (!isDatabaseUnavailable(recordError)) throw recordError;
        this.unrecorded.push({ job, error: message, backoffMs });
        log.warn({ err: error }, 'job failed while the database was unavailable; recorded when it is back');
        return 'retry';
      }
    }
  }

  private async recordUnrecordedFailures(now: Date): Promise<void> {
    while (this.unrecorded.length > 0) {
      const { job, error, backoffMs } = this.unrecorded[0]!;
      await failJob(this.db, job, this.workerId, now, error, backoffMs);
      this.unrecorded.shift();
    }
  }

  /** All the work due at `now`: schedules, then jobs one by one until none is due (or `maxJobs` ran). */
  async runDue(now: Date, options: { maxJobs?: number } = {}): Promise<RunSummary> {
    await this.recordUnrecordedFailures(now);
    await this.syncSchedules(now);
    const enqueued = await this.enqueueDueSchedules(now);
    await failAbandonedJobs(this.db, now);
    const summary: RunSummary = { enqueued, ran: 0, failed: 0 };
    const maxJobs = options.maxJobs ?? 1000;
    while (!this.stopping && summary.ran < maxJobs) {
      const outcome = await this.runOne(now);
      if (outcome === 'none') break;
      summary.ran++;
      if (outcome !== 'done') summary.failed++;
    }
    return summary;
  }

  /** Polls for due work until `stop()`. */
  start(): void {
    if (this.timer || this.stopping) return;
    const tick = () => {
      if (this.stopping) return;
      this.running = this.runDue(this.clock())
        .catch((error) =>
          isDatabaseUnavailable(error)
            ? this.log.warn(
                { err: error },
                `database unavailable; the job loop tries again in ${this.pollMs} ms`,
              )
            : this.log.error({ err: error }, 'job loop failed'),
        )
        .finally(() => {
          this.running = null;
          if (!this.stopping) this.timer = setTimeout(tick, this.pollMs);
        });
    };
    this.timer = setTimeout(tick, 0);
    this.log.info({ jobs: [...this.byName.keys()] }, 'job worker started');
  }

  /** Takes no new job and waits for the one in hand; an unfinished job is taken over after its lease. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }
}
