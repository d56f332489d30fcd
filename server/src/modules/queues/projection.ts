import type { EffectiveParameters } from '@arrears/shared/compliance/packs';
import { addDays, DAY_MS, debtorCalendarZone, localDate, utcDate } from '@arrears/shared/domain/calendar';
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client.ts';
import { caseQueueState, cases } from '../../db/schema/index.ts';
import {
  BROKEN_PROMISE_DAYS,
  caseRowOf,
  historyDays,
  judgeLoaded,
  type LoadedCase,
  loadCaseAtOnce,
  loadFactsForCases,
  loadPromises,
  type PromiseRow,
  priorityOf,
  promiseStanding,
  type QueueProjector,
  registerQueueProjector,
  type Workability,
} from '../case-core/case-core.service.ts';

export interface Refreshed extends Workability {
  caseId: string;
  priority: number;
}

/**
 * Recomputes, from the compliance engine, each case's earliest workable instant and its priority, and stores them
 * on its queue row (`case_queue_state`). Call it in the transaction that changed a case's facts, after the change: a
 * logged call, a promise or payment, a dispute, a cease, a death, a new phone number, an opt-out. The debtor's
 * other active cases are refreshed too, since most facts (flags, opt-outs, zones, a conversation about several
 * debts) belong to the person. Neither column bumps the case version: they are derived, not edited.
 */
export async function refreshWorkability(tx: Executor, caseIds: readonly string[], now: Date): Promise<void> {
  if (caseIds.length === 0) return;
  const siblings = await queryRows<{ id: string }>(
    tx,
    sql`select ${cases.id} as id from ${cases}
        where ${cases.status} = 'active' and ${cases.debtorId} in (
          select ${cases.debtorId} from ${cases} where ${cases.id} in ${[...caseIds]})`,
  );
  await refreshCases(tx, [...new Set([...caseIds, ...siblings.map((row) => row.id)])], now);
}

/**
 * Judges and stores exactly these cases (no siblings). A closed case is not worked: no workable instant and
 * priority 0. Rows whose values did not change are not written.
 */
export async function refreshCases(
  db: Executor,
  caseIds: readonly string[],
  now: Date,
): Promise<Refreshed[]> {
  const refreshed = await judgeCases(db, caseIds, now);
  await storeWorkability(db, refreshed);
  return refreshed;
}

/** Judges the cases without writing: the workability and priority they would be stored with. */
export async function judgeCases(db: Executor, caseIds: readonly string[], now: Date): Promise<Refreshed[]> {
  // Every debtor's "today" is within a day of UTC's; a day of slack keeps the window on the safe side.
  const earliest = addDays(utcDate(now), -(BROKEN_PROMISE_DAYS + 2));
  const [loaded, promisesByCase] = await Promise.all([
    loadFactsForCases(db, caseIds, now),
    loadPromises(db, caseIds, earliest),
  ]);
  return [...loaded].map(([caseId, entry]) => judgeEntry(caseId, entry, promisesByCase, now));
}

/** A closed case is not worked: no workable instant and priority 0. */
export function judgeEntry(
  caseId: string,
  entry: LoadedCase,
  promisesByCase: ReadonlyMap<string, PromiseRow[]>,
  now: Date,
): Refreshed {
  if (caseRowOf(entry).status !== 'active')
    return { caseId, nextWorkableAt: null, blockedBy: null, priority: 0 };
  const workability = judgeLoaded(entry, now);
  const today = entry.ok ? localDate(debtorCalendarZone(entry.facts.base), now) : utcDate(now);
  const standing = promiseStanding(promisesByCase.get(caseId) ?? [], today);
  return { caseId, ...workability, priority: priorityOf(entry, standing, workability, now) };
}

/**
 * After an action on one case (withCase, the kernel of every write, has applied it and bumped the version): judges
 * the case on the facts as the action left them and stores its workability and priority. The facts, the promises
 * and the debtor's other active cases are read in one statement (the history from the window of `parameters`, the
 * case's rule parameters as the guard loaded them); the other cases, when there are any, are then refreshed as
 * refreshWorkability does.
 */
async function caseChanged(
  tx: Executor,
  change: { caseId: string; now: Date; parameters?: EffectiveParameters | undefined },
): Promise<void> {
  const { caseId, now, parameters } = change;
  const read = await loadCaseAtOnce(tx, caseId, now, {
    // Without the parameters, a window every pack fits in; a longer one is read again.
    historySince: new Date(now.getTime() - (parameters ? historyDays(parameters) : 32) * DAY_MS),
    promisesSince: addDays(utcDate(now), -(BROKEN_PROMISE_DAYS + 2)),
    siblings: true,
  });
  if (!read) throw new Error(`queue projection: case ${caseId} not found`);
  if (read.siblings.length > 0) await refreshCases(tx, read.siblings, now);
  await storeWorkability(tx, [judgeEntry(caseId, read.loaded, new Map([[caseId, read.promises]]), now)]);
}

/** The one writer of the queue columns, as withCase and withCases reach it (case-core's QueueProjector port). */
export const queueProjection: QueueProjector = { caseChanged, casesChanged: refreshWorkability };

registerQueueProjector(queueProjection);

/**
 * Stores judged cases on their queue rows (case_queue_state): one statement for the whole batch; unchanged rows are
 * skipped so the nightly roll writes only what moved. The placement import stores its fresh cases' judgements here
 * too, through the queues' service.
 */
export async function storeWorkability(db: Executor, refreshed: readonly Refreshed[]): Promise<void> {
  if (refreshed.length === 0) return;
  const values = JSON.stringify(refreshed.map(storedValues));
  const q = caseQueueState;
  await db.execute(sql`
    update ${caseQueueState} set next_workable_at = v.at, priority = v.priority, blocked_rule_id = v.rule,
      blocked_reason_code = v.code, blocked_reason_params = v.params
    from jsonb_to_recordset(${values}::jsonb)
      as v(id uuid, at timestamptz, priority integer, rule text, code text, params jsonb)
    where ${q.caseId} = v.id
      and (${q.nextWorkableAt} is distinct from v.at or ${q.priority} <> v.priority
        or ${q.blockedRuleId} is distinct from v.rule or ${q.blockedReasonCode} is distinct from v.code
        or ${q.blockedReasonParams} is distinct from v.params)`);
}

/** The stored columns of one judged case: the instant, the priority, and why not now (all null when workable). */
function storedValues(r: Refreshed) {
  return {
    id: r.caseId,
    at: r.nextWorkableAt?.toISOString() ?? null,
    priority: r.priority,
    rule: r.blockedBy?.ruleId ?? null,
    code: r.blockedBy?.reasonCode ?? null,
    params: r.blockedBy?.reasonParams ?? null,
  };
}

/** Clears what closed cases still hold of the queue (no workable instant, priority 0, no reason); returns how many. */
export async function clearClosed(db: Executor): Promise<number> {
  const [cleared] = await queryRows<{ n: number }>(
    db,
    sql`with cleared as (
          update ${caseQueueState} set next_workable_at = null, priority = 0, blocked_rule_id = null,
            blocked_reason_code = null, blocked_reason_params = null
          where ${caseQueueState.status} <> 'active'
            and (${caseQueueState.nextWorkableAt} is not null or ${caseQueueState.priority} <> 0
              or ${caseQueueState.blockedReasonCode} is not null)
          returning 1)
        select count(*)::int as n from cleared`,
  );
  return cleared?.n ?? 0;
}
