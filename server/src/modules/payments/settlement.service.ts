import { localDate } from '@arrears/shared/domain/calendar';
import { casePromiseStates, type PromiseState, planState } from '@arrears/shared/domain/promise-state';
import { and, asc, eq, gt, inArray, lt, lte, ne, type SQL, sql } from 'drizzle-orm';
import type { Executor, Transaction } from '../../db/client.ts';
import { paymentPlans, payments, promises } from '../../db/schema/index.ts';
import { type AuditEntry, recordAudits } from '../audit/audit.service.ts';
import { type CaseRow, type SystemActor, withCases } from '../case-core/case-core.service.ts';
import { calendarZones } from './debtor-zones.ts';

/** A payment only ever keeps promises; breaking them is the nightly roll's job (`settlePromises`). */
type Mode = 'payment' | 'roll';

/** Who settles promises on the clock: no user, every case. */
const SETTLEMENT_ACTOR: SystemActor = { kind: 'system', id: null, name: 'promise settlement' };

export interface Judged {
  kept: string[];
  broken: string[];
  /** Cases whose promises or plans changed. */
  caseIds: Set<string>;
}

/**
 * Re-judges the live promises of some cases (one case is a batch of one) with `casePromiseStates` on each case's
 * calendar (`zones`: case id to zone) and writes the states that changed, each audited, then the plans they belong
 * to: the live promises and the payments read in one statement each, every change written at once. A kept
 * promise stays kept; a broken one becomes kept when a payment recorded late was received in its window (the money
 * was there in time). The caller holds the cases' row locks.
 */
export async function judgePromises(
  tx: Transaction,
  options: { zones: ReadonlyMap<string, string>; now: Date; mode: Mode; actorId: string | null },
): Promise<Judged> {
  const { now, actorId } = options;
  const caseIds = [...options.zones.keys()];
  const judged: Judged = { kept: [], broken: [], caseIds: new Set() };
  if (caseIds.length === 0) return judged;
  const [live, received] = await Promise.all([
    tx
      .select()
      .from(promises)
      .where(and(inArray(promises.caseId, caseIds), ne(promises.status, 'cancelled'))),
    tx
      .select({ caseId: payments.caseId, amountMinor: payments.amountMinor, receivedAt: payments.receivedAt })
      .from(payments)
      .where(inArray(payments.caseId, caseIds)),
  ]);
  const liveByCase = groupBy(live, (p) => p.caseId);
  const paidByCase = groupBy(received, (p) => p.caseId);
  const changes: Array<{ id: string; status: 'kept' | 'broken' }> = [];
  const audits: AuditEntry[] = [];
  const touchedPlans = new Set<string>();
  for (const [caseId, zone] of options.zones) {
    const own = liveByCase.get(caseId) ?? [];
    const calendar = { zone, today: localDate(zone, now) };
    const states = casePromiseStates(
      own.map((p) => ({ ...p, planId: p.paymentPlanId })),
      paidByCase.get(caseId) ?? [],
      calendar,
    );
    for (const promise of own) {
      const state = states.get(promise.id);
      const keeps = state === 'kept' && promise.status !== 'kept';
      const breaks = state === 'broken' && promise.status === 'pending' && options.mode === 'roll';
      if (!keeps && !breaks) continue;
      const status = keeps ? 'kept' : 'broken';
      changes.push({ id: promise.id, status });
      audits.push({
        actorId,
        action: `promise.${status}`,
        entityType: 'promise',
        entityId: promise.id,
        caseId,
        before: { status: promise.status },
        after: { status, debtorToday: calendar.today, zone },
      });
      (keeps ? judged.kept : judged.broken).push(promise.id);
      judged.caseIds.add(caseId);
      if (promise.paymentPlanId !== null) touchedPlans.add(promise.paymentPlanId);
    }
  }
  if (changes.length === 0) return judged;
  await tx.execute(sql`
    update ${promises} set status = v.status::promise_status, resolved_at = ${now.toISOString()}::timestamptz
    from jsonb_to_recordset(${JSON.stringify(changes)}::jsonb) as v(id uuid, status text)
    where ${promises.id} = v.id`);
  await recordAudits(tx, audits);
  await rejudgePlans(tx, [...touchedPlans], actorId);
  return judged;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/**
 * A plan follows its installments: broken with the first broken one, completed when all are kept. The plans and
 * their installments are read in two statements; the changed plans written and audited at once.
 */
async function rejudgePlans(tx: Transaction, planIds: string[], actorId: string | null): Promise<void> {
  if (planIds.length === 0) return;
  const [plans, installments] = await Promise.all([
    tx.select().from(paymentPlans).where(inArray(paymentPlans.id, planIds)),
    tx
      .select({ planId: promises.paymentPlanId, status: promises.status })
      .from(promises)
      .where(inArray(promises.paymentPlanId, planIds)),
  ]);
  const byPlan = groupBy(installments, (p) => p.planId ?? '');
  const changes: Array<{ id: string; status: string }> = [];
  const audits: AuditEntry[] = [];
  for (const plan of plans) {
    if (plan.status === 'cancelled') continue;
    const states = (byPlan.get(plan.id) ?? [])
      .map((p) => p.status)
      .filter((s): s is PromiseState => s !== 'cancelled');
    const status = planState(states);
    if (status === plan.status) continue;
    changes.push({ id: plan.id, status });
    audits.push({
      actorId,
      action: `payment_plan.${status}`,
      entityType: 'payment_plan',
      entityId: plan.id,
      caseId: plan.caseId,
      before: { status: plan.status },
      after: { status },
    });
  }
  if (changes.length === 0) return;
  await tx.execute(sql`
    update ${paymentPlans} set status = v.status::plan_status
    from jsonb_to_recordset(${JSON.stringify(changes)}::jsonb) as v(id uuid, status text)
    where ${paymentPlans.id} = v.id`);
  await recordAudits(tx, audits);
}

/** Each locked case's calendar zone (its debtor's), in lock order. */
async function zonesOf(tx: Executor, caseRows: readonly CaseRow[]): Promise<Map<string, string>> {
  const debtorZones = await calendarZones(tx, [...new Set(caseRows.map((c) => c.debtorId))]);
  return new Map(caseRows.map((c) => [c.id, debtorZones.get(c.debtorId) ?? 'UTC']));
}

/** Cases settled per round: bounds the rows one round holds locks on and keeps in memory. */
const BATCH = 200;
/** The furthest ahead any calendar runs of UTC (Kiribati, UTC+14). */
const MAX_AHEAD_MS = 14 * 3_600_000;

/**
 * The cases with a pending promise that may be overdue somewhere at `now`, among those the further `conditions` on
 * `promises` pick.
 */
function pendingPromiseCases(db: Executor, now: Date, ...conditions: Array<SQL | undefined>) {
  // No calendar is past this date yet, so a promise due on it or later cannot be overdue anywhere.
  const notYetDue = localDate('UTC', now.getTime() + MAX_AHEAD_MS);
  return db
    .selectDistinct({ caseId: promises.caseId })
    .from(promises)
    .where(and(eq(promises.status, 'pending'), lt(promises.dueDate, notYetDue), ...conditions));
}

/**
 * The cases with a pending promise that may be overdue somewhere at `now` (one case's, or every case's), in id
 * order: what `settlePromises` judges. The nightly roll reads them first to settle them in short transactions.
 */
export async function settlementCandidates(
  db: Executor,
  options: { caseId?: string; now: Date },
): Promise<Array<{ caseId: string }>> {
  const oneCase = options.caseId === undefined ? undefined : eq(promises.caseId, options.caseId);
  return pendingPromiseCases(db, options.now, oneCase).orderBy(asc(promises.caseId));
}

/**
 * Marks overdue unpaid promises broken (and kept any a payment covers), for one case, the given cases, or every
 * case with a pending promise that may be overdue somewhere. Takes an instant, not a date: "today" is each
 * debtor's own calendar date at `now`, which differs between New York and Shanghai. Each changed case's version
 * is bumped and, unless `refreshQueues` is false (the nightly roll re-judges the queues itself), re-ranked.
 */
export async function settlePromises(
  tx: Transaction,
  options: { caseId?: string; caseIds?: readonly string[]; now: Date; refreshQueues?: boolean },
): Promise<{ kept: string[]; broken: string[] }> {
  const candidates =
    options.caseIds === undefined
      ? await settlementCandidates(tx, options)
      : [...options.caseIds].sort().map((caseId) => ({ caseId }));
  const result = { kept: [] as string[], broken: [] as string[] };
  for (let start = 0; start < candidates.length; start += BATCH) {
    const ids = candidates.slice(start, start + BATCH).map((c) => c.caseId);
    const judged = await settleLocked(tx, ids, options.now, options.refreshQueues !== false);
    result.kept.push(...judged.kept);
    result.broken.push(...judged.broken);
  }
  return result;
}

/**
 * `settlePromises` for the nightly roll, over a keyset range: the cases with a pending promise that may be overdue
 * whose id is in (`caseIdFrom`, `caseIdTo`] (a bound left out is open), settled as `settlePromises` settles them
 * (the same judgement, one batch) without re-ranking them: the roll re-judges the queues itself.
 */
export async function settlePromisesInBatch(
  tx: Transaction,
  options: { caseIdFrom?: string; caseIdTo?: string; now: Date },
): Promise<{ kept: string[]; broken: string[]; caseIds: string[] }> {
  const candidates = pendingPromiseCases(
    tx,
    options.now,
    options.caseIdFrom === undefined ? undefined : gt(promises.caseId, options.caseIdFrom),
    options.caseIdTo === undefined ? undefined : lte(promises.caseId, options.caseIdTo),
  );
  const judged = await settleLocked(tx, candidates, options.now, false);
  return { kept: judged.kept, broken: judged.broken, caseIds: [...judged.caseIds].sort() };
}

/**
 * The cases locked in id order (so two rolls, or a roll and a payment, cannot deadlock or judge on stale money),
 * their promises judged on their debtors' calendars; each changed case moves to a new version.
 */
function settleLocked(
  tx: Transaction,
  caseIds: readonly string[] | Parameters<typeof withCases>[0]['caseIds'],
  now: Date,
  project: boolean,
): Promise<Judged> {
  return withCases({ db: tx, actor: SETTLEMENT_ACTOR, caseIds, now, project }, async ({ tx, caseRows }) => {
    const judged = await judgePromises(tx, {
      zones: await zonesOf(tx, caseRows),
      now,
      mode: 'roll',
      actorId: null,
    });
    return { value: judged, changedCaseIds: [...judged.caseIds] };
  });
}
