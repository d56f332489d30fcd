import { BUCKET_LIMITS } from '@arrears/shared/domain/buckets';
import { localDate } from '@arrears/shared/domain/calendar';
import { errorMessage } from '@arrears/shared/errors/messages';
import { DEFAULT_LADDER_POLICY, type RollSummary } from '@arrears/shared/schemas/ladder';
import { eq, type SQL, sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client.ts';
import { rollRuns } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { recordAudits } from '../audit/audit.service.ts';
import { settlementCandidates, settlePromisesInBatch } from '../payments/settlement.service.ts';
import { refreshAllWorkability, refreshWorkability } from '../queues/queues.service.ts';
import { snapshotBuckets } from '../reports/reports.service.ts';

/**
 * The night a roll belongs to is the calendar date of its instant in this zone. At the scheduled hour (10:00 UTC)
 * every US zone down to Hawaii and China already show that same date, so "days past due" agrees with the debtor's
 * own calendar for the whole book.
 */
export const ROLL_ZONE = 'UTC';
/** A run left `running` longer than this (its process died) may be taken over by the next one. */
const RUN_LEASE_MS = 3 * 3_600_000;

export interface NightlyRollOptions {
  now: Date;
  /** Only this portfolio's cases; such a partial run is not recorded in roll_runs (it can always be repeated). */
  portfolioId?: string;
  /** Cases per transaction (keyset walk of the primary key). */
  batchSize?: number;
  /** Re-judge every case's queue standing afterwards (refreshAllWorkability); on by default. */
  refreshQueues?: boolean;
  /** Run again although a roll for this date already finished. */
  force?: boolean;
  log?: (message: string) => void;
}

export interface NightlyRollResult {
  /** True when a roll for this date had already finished: nothing was done, `summary` is that run's. */
  alreadyRan: boolean;
  summary: RollSummary;
}

/** The bucket of `dpd` as SQL, from the same limits as `bucketFor`. */
function bucketSql(dpd: SQL): SQL {
  const arms = BUCKET_LIMITS.map(
    ([limit, bucket]) => sql`when ${dpd} <= ${sql.raw(String(limit))} then '${sql.raw(bucket)}'`,
  );
  return sql`(case ${sql.join(arms, sql` `)} else 'dpd_181_plus' end)::bucket`;
}

/**
 * The nightly roll (decision 014): promises past their date marked broken, days past due and buckets recomputed
 * for the run date, cases moved up the ladder by their portfolio's policy (each move audited with actor null),
 * then the queues re-judged. Idempotent: the ladder pass only writes rows whose values differ, and a second full
 * run on a date that finished answers the recorded summary and writes nothing.
 */
export async function runNightlyRoll(db: Database, options: NightlyRollOptions): Promise<NightlyRollResult> {
  const { now, portfolioId = null, batchSize = 5_000, refreshQueues = true, force = false } = options;
  const log = options.log ?? (() => {});
  const runDate = localDate(ROLL_ZONE, now);
  if (portfolioId === null) {
    const claimed = await claimRun(db, runDate, now, force);
    if (claimed !== true) return { alreadyRan: true, summary: claimed };
  }
  const started = performance.now();
  try {
    const settled = await settleInBatches(db, now, refreshQueues);
    const promisesMs = performance.now() - started;
    log(
      `promises: ${settled.broken.length} broken, ${settled.kept.length} kept in ${Math.round(promisesMs)} ms`,
    );

    const ladderStarted = performance.now();
    const totals = { scanned: 0, redated: 0, agent: 0, agency: 0, legal: 0 };
    let after: string | null = null;
    for (;;) {
      const batch = await rollBatch(db, { runDate, now, portfolioId, after, limit: batchSize });
      if (batch.scanned === 0) break;
      totals.scanned += batch.scanned;
      totals.redated += batch.redated;
      totals.agent += batch.agent;
      totals.agency += batch.agency;
      totals.legal += batch.legal;
      after = batch.lastId;
      log(`ladder: ${totals.scanned} cases scanned`);
    }
    const ladderMs = performance.now() - ladderStarted;
    // The reports' bucket rolls of the month just completed (a no-op on every night but the first of a month).
    const bucketRolls = portfolioId === null ? await snapshotBuckets(db, now) : null;

    const queuesStarted = performance.now();
    const queues = refreshQueues ? await refreshAllWorkability(db, now) : null;
    const queuesMs = performance.now() - queuesStarted;

    const summary: RollSummary = {
      runDate,
      zone: ROLL_ZONE,
      asOf: now.toISOString(),
      portfolioId,
      scanned: totals.scanned,
      redated: totals.redated,
      moves: { agent: totals.agent, agency: totals.agency, legal: totals.legal },
      promisesBroken: settled.broken.length,
      promisesKept: settled.kept.length,
      queuesJudged: queues?.judged ?? null,
      bucketRolls,
      ms: {
        promises: Math.round(promisesMs),
        ladder: Math.round(ladderMs),
        queues: Math.round(queuesMs),
        total: Math.round(performance.now() - started),
      },
    };
    if (portfolioId === null) {
      await db
        .update(rollRuns)
        .set({ status: 'done', finishedAt: new Date(), summary })
        .where(eq(rollRuns.runDate, runDate));
    }
    return { alreadyRan: false, summary };
  } catch (error) {
    if (portfolioId === null) {
      await db
        .update(rollRuns)
        .set({ status: 'failed', finishedAt: new Date(), error: String(error) })
        .where(eq(rollRuns.runDate, runDate));
    }
    throw error;
  }
}

/** Cases whose promises one transaction settles (a handful of statements each); two transactions run at once. */
const SETTLE_BATCH = 2_000;
const SETTLE_WORKERS = 2;

/**
 * Every case with a promise that may be overdue, settled set-based (`settlePromisesInBatch`) in transactions of a
 * couple of thousand cases, each a keyset range of case ids (row locks held for a moment, not for the whole roll).
 * Re-ranking each changed case is left to the queue refresh that follows the roll; when that is skipped, the
 * settled cases are re-judged here in bulk.
 */
async function settleInBatches(db: Database, now: Date, queuesFollow: boolean) {
  const ids = (await settlementCandidates(db, { now })).map((c) => c.caseId);
  const kept: string[] = [];
  const broken: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const start = next;
      const chunk = ids.slice(start, start + SETTLE_BATCH);
      next += SETTLE_BATCH;
      const judged = await db.transaction(async (tx) => {
        const result = await settlePromisesInBatch(tx, {
          caseIdFrom: start === 0 ? undefined : ids[start - 1],
          caseIdTo: chunk[chunk.length - 1],
          now,
        });
        if (!queuesFollow) await refreshWorkability(tx, chunk, now);
        return result;
      });
      kept.push(...judged.kept);
      broken.push(...judged.broken);
    }
  };
  // Re-judging touches a debtor's other cases, which may sit in the other worker's batch: then one worker only.
  await Promise.all(Array.from({ length: queuesFollow ? SETTLE_WORKERS : 1 }, worker));
  return { kept, broken };
}

/**
 * Claims the run date: a new date, a failed run, a run whose process died (lease over) or `force` start a run;
 * a finished run answers its summary; a run in progress elsewhere is a conflict.
 */
async function claimRun(
  db: Database,
  runDate: string,
  now: Date,
  force: boolean,
): Promise<true | RollSummary> {
  const startedAt = new Date();
  const staleBefore = new Date(startedAt.getTime() - RUN_LEASE_MS).toISOString();
  const claimed = await queryRows<{ run_date: string }>(
    db,
    sql`insert into roll_runs (run_date, status, started_at, as_of)
        values (${runDate}, 'running', ${startedAt.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz)
        on conflict (run_date) do update
          set status = 'running', started_at = excluded.started_at, as_of = excluded.as_of,
              finished_at = null, summary = null, error = null
          where roll_runs.status = 'failed'
             or (roll_runs.status = 'running' and roll_runs.started_at < ${staleBefore}::timestamptz)
             or ${force}
        returning run_date`,
  );
  if (claimed.length > 0) return true;
  const [run] = await db.select().from(rollRuns).where(eq(rollRuns.runDate, runDate));
  if (run?.status === 'done' && run.summary) return run.summary as RollSummary;
  throw new AppError(
    'CONFLICT',
    errorMessage('roll.alreadyRunning', { runDate, startedAt: run?.startedAt.toISOString() ?? '' }),
  );
}

/** A case the batch moved up the ladder, as its audit event records it. */
interface LadderMove {
  id: string;
  before: { stage: string; daysPastDue: number; bucket: string };
  after: { stage: string; daysPastDue: number; bucket: string; policy: Record<string, number> };
}

interface BatchResult {
  scanned: number;
  lastId: string | null;
  redated: number;
  agent: number;
  agency: number;
  legal: number;
}

/**
 * One transaction over the next `limit` active cases by id: one statement computes each case's days past due,
 * bucket and the rung its portfolio's policy puts it on, writes the rows that differ and returns the moves, each
 * then audited by the audit writer in the same transaction. The ladder only climbs, and only where nothing holds the case back:
 * - no rung moves a case on hold, with a dispute awaiting verification, or whose debtor asked to cease contact,
 *   filed for bankruptcy or died (the case has left the ladder);
 * - agency (ready for placement) needs no pending promise or active plan and no placement ever (a recall is a
 *   supervisor's decision the roll does not undo);
 * - legal review needs no pending promise or active plan, no live placement, and a debt not time-barred.
 * Reaching the agency or legal rung does not place or file anything: that stays a supervisor-approved, guarded act.
 */
async function rollBatch(
  db: Database,
  o: { runDate: string; now: Date; portfolioId: string | null; after: string | null; limit: number },
): Promise<BatchResult> {
  const now = sql`${o.now.toISOString()}::timestamptz`;
  const dpd = sql`greatest(0, ${o.runDate}::date - c.due_date)`;
  const defaults = DEFAULT_LADDER_POLICY;
  const row = await db.transaction(async (tx) => {
    const [judged] = await queryRows<{
      scanned: number;
      last_id: string | null;
      redated: number;
      agent: number;
      agency: number;
      legal: number;
      moves: LadderMove[];
    }>(
      tx,
      sql`
      with batch as (
        select c.id from cases c
        where c.status = 'active'
          ${o.after === null ? sql`` : sql`and c.id > ${o.after}::uuid`}
          ${o.portfolioId === null ? sql`` : sql`and c.portfolio_id = ${o.portfolioId}::uuid`}
        order by c.id limit ${o.limit}
      ),
      facts as (
        select c.id, c.stage, c.days_past_due, c.bucket, ${dpd} as dpd,
          coalesce(lp.agent_from_days, ${defaults.agentFromDays}) as agent_from,
          coalesce(lp.agency_from_days, ${defaults.agencyFromDays}) as agency_from,
          coalesce(lp.legal_from_days, ${defaults.legalFromDays}) as legal_from,
          ((c.hold_until is not null and c.hold_until > ${now})
            or d.cease_requested_at is not null or d.bankruptcy_filed_at is not null or d.deceased_at is not null
            or exists (select 1 from disputes x where x.case_id = c.id and x.verification_sent_at is null)
          ) as paused,
          (exists (select 1 from promises p where p.case_id = c.id and p.status = 'pending')
            or exists (select 1 from payment_plans pp where pp.case_id = c.id and pp.status = 'active')
          ) as paying,
          exists (select 1 from agency_placements ap where ap.case_id = c.id) as ever_placed,
          exists (select 1 from agency_placements ap where ap.case_id = c.id and ap.status = 'placed') as placed,
          (c.limitations_expires_at is not null and c.limitations_expires_at <= ${now}) as time_barred
        from batch b
        join cases c on c.id = b.id
        join debtors d on d.id = c.debtor_id
        left join ladder_policies lp on lp.portfolio_id = c.portfolio_id
      ),
      judged as (
        select f.*, ${bucketSql(sql`f.dpd`)} as new_bucket,
          (case
            when f.paused then f.stage
            when f.dpd >= f.legal_from and f.stage < 'legal' and not f.paying and not f.placed
              and not f.time_barred then 'legal'
            when f.dpd >= f.agency_from and f.stage < 'agency' and not f.paying and not f.ever_placed then 'agency'
            when f.dpd >= f.agent_from and f.stage < 'agent' then 'agent'
            else f.stage
          end)::ladder_stage as new_stage
        from facts f
      ),
      changed as (
        update cases c
        set days_past_due = j.dpd, bucket = j.new_bucket, stage = j.new_stage,
            version = c.version + (case when j.new_stage <> j.stage then 1 else 0 end),
            updated_at = (case when j.new_stage <> j.stage then ${now} else c.updated_at end)
        from judged j
        where c.id = j.id
          and (c.days_past_due, c.bucket, c.stage) is distinct from (j.dpd, j.new_bucket, j.new_stage)
        returning c.id, j.stage as old_stage, j.new_stage, j.days_past_due as old_dpd, j.dpd, j.bucket as old_bucket,
          j.new_bucket, j.agent_from, j.agency_from, j.legal_from
      )
      select
        (select count(*)::int from batch) as scanned,
        (select id::text from batch order by id desc limit 1) as last_id,
        (select count(*)::int from changed where dpd <> old_dpd or new_bucket <> old_bucket) as redated,
        (select count(*)::int from changed where new_stage <> old_stage and new_stage = 'agent') as agent,
        (select count(*)::int from changed where new_stage <> old_stage and new_stage = 'agency') as agency,
        (select count(*)::int from changed where new_stage <> old_stage and new_stage = 'legal') as legal,
        (select coalesce(jsonb_agg(jsonb_build_object('id', ch.id, 'before',
            jsonb_build_object('stage', ch.old_stage, 'daysPastDue', ch.old_dpd, 'bucket', ch.old_bucket),
            'after', jsonb_build_object('stage', ch.new_stage, 'daysPastDue', ch.dpd, 'bucket', ch.new_bucket,
              'policy', jsonb_build_object('agentFromDays', ch.agent_from, 'agencyFromDays', ch.agency_from,
                'legalFromDays', ch.legal_from)))), '[]'::jsonb)
          from changed ch where ch.new_stage <> ch.old_stage) as moves`,
    );
    await recordAudits(
      tx,
      (judged?.moves ?? []).map((move) => ({
        actorId: null,
        action: 'ladder.move',
        entityType: 'case',
        entityId: move.id,
        caseId: move.id,
        before: move.before,
        after: { ...move.after, runDate: o.runDate },
        at: o.now,
      })),
    );
    return judged;
  });
  return {
    scanned: row?.scanned ?? 0,
    lastId: row?.last_id ?? null,
    redated: row?.redated ?? 0,
    agent: row?.agent ?? 0,
    agency: row?.agency ?? 0,
    legal: row?.legal ?? 0,
  };
}
