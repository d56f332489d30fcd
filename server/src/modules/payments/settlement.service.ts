import { localDate } from '@arrears/shared/domain/calendar';
import { casePromiseStates, type PromiseState, planState } from '@arrears/shared/domain/promise-state';
import { and, asc, eq, gt, inArray, lt, lte, ne, sql } from 'drizzle-orm';
import { type Executor, queryRows, type Transaction } from '../../db/client.ts';
import { cases, paymentPlans, payments, promises } from '../../db/schema/index.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { bumpCaseVersion, calendarZones } from './money-lock.ts';

/** A payment only ever keeps promises; breaking them is the nightly roll's job (`settlePromises`). */
type Mode = 'payment' | 'roll';

export interface Judged {
  kept: string[];
  broken: string[];
  /** Cases whose promises or plans changed. */
  caseIds: Set<string>;
}

/**
 * Re-judges the live promises of some cases with `casePromiseStates` and writes the states that changed,
 * each audited, then the plans they belong to. A kept promise stays kept; a broken one becomes kept when a
 * payment recorded late was received in its window (the money was there in time). The caller holds the
 * cases' row locks.
 */
export async function judgePromises(
  tx: Transaction,
  options: { zones: Map<string, string>; now: Date; mode: Mode; actorId: string | null },
): Promise<Judged> {
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
  const touchedPlans = new Set<string>();
  for (const [caseId, zone] of options.zones) {
    const own = live.filter((p) => p.caseId === caseId);
    const calendar = { zone, today: localDate(zone, options.now) };
    const states = casePromiseStates(
      own.map((p) => ({ ...p, planId: p.paymentPlanId })),
      received.filter((p) => p.caseId === caseId),
      calendar,
    );
    for (const promise of own) {
      const state = states.get(promise.id);
      const keeps = state === 'kept' && promise.status !== 'kept';
      const breaks = state === 'broken' && promise.status === 'pending' && options.mode === 'roll';
      if (!keeps && !breaks) continue;
      const status = keeps ? 'kept' : 'broken';
      await tx.update(promises).set({ status, resolvedAt: options.now }).where(eq(promises.id, promise.id));
      await recordAudit(tx, {
        actorId: options.actorId,
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
  await rejudgePlans(tx, [...touchedPlans], options.actorId);
  return judged;
}

/** A plan follows its installments: broken with the first broken one, completed when all are kept. */
async function rejudgePlans(tx: Transaction, planIds: string[], actorId: string | null): Promise<void> {
  if (planIds.length === 0) return;
  const [plans, installments] = await Promise.all([
    tx.select().from(paymentPlans).where(inArray(paymentPlans.id, planIds)),
    tx.select().from(promises).where(inArray(promises.paymentPlanId, planIds)),
  ]);
  for (const plan of plans) {
    if (plan.status === 'cancelled') continue;
    const states = installments
      .filter((p) => p.paymentPlanId === plan.id)
      .map((p) => p.status)
      .filter((s): s is PromiseState => s !== 'cancelled');
    const status = planState(states);
    if (status === plan.status) continue;
    await tx.update(paymentPlans).set({ status }).where(eq(paymentPlans.id, plan.id));
    await recordAudit(tx, {
      actorId,
      action: `payment_plan.${status}`,
      entityType: 'payment_plan',
      entityId: plan.id,
      caseId: plan.caseId,
      before: { status: plan.status },
      after: { status },
    });
  }
}

/** Cases settled per round: bounds the rows one round holds locks on and keeps in memory. */
const BATCH = 200;
/** The furthest ahead any calendar runs of UTC (Kiribati, UTC+14). */
const MAX_AHEAD_MS = 14 * 3_600_000;

/**
 * The cases with a pending promise that may be overdue somewhere at `now` (one case's, or every case's), in id
 * order: what `settlePromises` judges. The nightly roll reads them first to settle them in short transactions.
 */
export async function settlementCandidates(
  db: Executor,
  options: { caseId?: string; now: Date },
): Promise<Array<{ caseId: string }>> {
  // No calendar is past this date yet, so a promise due on it or later cannot be overdue anywhere.
  const notYetDue = localDate('UTC', options.now.getTime() + MAX_AHEAD_MS);
  return db
    .selectDistinct({ caseId: promises.caseId })
    .from(promises)
    .where(
      and(
        eq(promises.status, 'pending'),
        lt(promises.dueDate, notYetDue),
        options.caseId === undefined ? undefined : eq(promises.caseId, options.caseId),
      ),
    )
    .orderBy(asc(promises.caseId));
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
    // Row locks in id order, so two rolls (or a roll and a payment) cannot deadlock or judge on stale money.
    const locked = await tx
      .select({ id: cases.id, debtorId: cases.debtorId })
      .from(cases)
      .where(inArray(cases.id, ids))
      .orderBy(asc(cases.id))
      .for('no key update');
    const debtorZones = await calendarZones(tx, [...new Set(locked.map((c) => c.debtorId))]);
    const zones = new Map(locked.map((c) => [c.id, debtorZones.get(c.debtorId) ?? 'UTC']));
    const judged = await judgePromises(tx, { zones, now: options.now, mode: 'roll', actorId: null });
    for (const caseId of judged.caseIds) {
      if (options.refreshQueues === false) {
        await tx
          .update(cases)
          .set({ version: sql`${cases.version} + 1`, updatedAt: options.now })
          .where(eq(cases.id, caseId));
      } else {
        await bumpCaseVersion(tx, caseId, {}, options.now);
      }
    }
    result.kept.push(...judged.kept);
    result.broken.push(...judged.broken);
  }
  return result;
}

/**
 * `settlePromises` for the nightly roll, set-based: the cases with a pending promise that may be overdue whose
 * id is in (`caseIdFrom`, `caseIdTo`] (a bound left out is open) are locked in id order, their promises and
 * payments read in one statement each, judged by the same `casePromiseStates` on each debtor's calendar, and
 * every change written at once: promise statuses with their audit events (the same action, before and after as
 * the per-case path), then the plans they belong to, then each changed case's version (`refreshQueues: false`:
 * the roll re-judges the queues itself). A handful of statements per batch instead of several per promise.
 */
export async function settlePromisesInBatch(
  tx: Transaction,
  options: { caseIdFrom?: string; caseIdTo?: string; now: Date },
): Promise<{ kept: string[]; broken: string[]; caseIds: string[] }> {
  const { now } = options;
  const notYetDue = localDate('UTC', now.getTime() + MAX_AHEAD_MS);
  const candidates = tx
    .selectDistinct({ caseId: promises.caseId })
    .from(promises)
    .where(
      and(
        eq(promises.status, 'pending'),
        lt(promises.dueDate, notYetDue),
        options.caseIdFrom === undefined ? undefined : gt(promises.caseId, options.caseIdFrom),
        options.caseIdTo === undefined ? undefined : lte(promises.caseId, options.caseIdTo),
      ),
    );
  const locked = await tx
    .select({ id: cases.id, debtorId: cases.debtorId })
    .from(cases)
    .where(inArray(cases.id, candidates))
    .orderBy(asc(cases.id))
    .for('no key update');
  const result = { kept: [] as string[], broken: [] as string[], caseIds: [] as string[] };
  if (locked.length === 0) return result;
  const caseIds = locked.map((c) => c.id);
  const [debtorZones, live, received] = await Promise.all([
    calendarZones(tx, [...new Set(locked.map((c) => c.debtorId))]),
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
  const changes: Array<{
    id: string;
    caseId: string;
    status: 'kept' | 'broken';
    before: string;
    after: object;
  }> = [];
  const touchedPlans = new Set<string>();
  const changedCases = new Set<string>();
  for (const { id: caseId, debtorId } of locked) {
    const own = liveByCase.get(caseId) ?? [];
    const zone = debtorZones.get(debtorId) ?? 'UTC';
    const calendar = { zone, today: localDate(zone, now) };
    const states = casePromiseStates(
      own.map((p) => ({ ...p, planId: p.paymentPlanId })),
      paidByCase.get(caseId) ?? [],
      calendar,
    );
    for (const promise of own) {
      const state = states.get(promise.id);
      const keeps = state === 'kept' && promise.status !== 'kept';
      const breaks = state === 'broken' && promise.status === 'pending';
      if (!keeps && !breaks) continue;
      const status = keeps ? 'kept' : 'broken';
      changes.push({
        id: promise.id,
        caseId,
        status,
        before: promise.status,
        after: { status, debtorToday: calendar.today, zone },
      });
      (keeps ? result.kept : result.broken).push(promise.id);
      changedCases.add(caseId);
      if (promise.paymentPlanId !== null) touchedPlans.add(promise.paymentPlanId);
    }
  }
  if (changes.length === 0) return result;
  const at = sql`${now.toISOString()}::timestamptz`;
  await queryRows(
    tx,
    sql`with change as (
          select * from jsonb_to_recordset(${JSON.stringify(changes)}::jsonb)
            as x(id uuid, "caseId" uuid, status text, before text, after jsonb)
        ),
        updated as (
          update promises p set status = change.status::promise_status, resolved_at = ${at}
          from change where p.id = change.id
          returning p.id
        )
        insert into audit_events (actor_id, action, entity_type, entity_id, case_id, before, after)
        select null, 'promise.' || change.status, 'promise', change.id::text, change."caseId",
          jsonb_build_object('status', change.before), change.after
        from change join updated on updated.id = change.id`,
  );
  await rejudgePlansInBatch(tx, [...touchedPlans]);
  result.caseIds = [...changedCases].sort();
  await tx
    .update(cases)
    .set({ version: sql`${cases.version} + 1`, updatedAt: now })
    .where(inArray(cases.id, result.caseIds));
  return result;
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

/** `rejudgePlans` for many plans: read in two statements, the changed ones written and audited in one. */
async function rejudgePlansInBatch(tx: Transaction, planIds: string[]): Promise<void> {
  if (planIds.length === 0) return;
  const [plans, installments] = await Promise.all([
    tx.select().from(paymentPlans).where(inArray(paymentPlans.id, planIds)),
    tx
      .select({ planId: promises.paymentPlanId, status: promises.status })
      .from(promises)
      .where(inArray(promises.paymentPlanId, planIds)),
  ]);
  const byPlan = groupBy(installments, (p) => p.planId ?? '');
  const changes: Array<{ id: string; caseId: string; status: string; before: string }> = [];
  for (const plan of plans) {
    if (plan.status === 'cancelled') continue;
    const states = (byPlan.get(plan.id) ?? [])
      .map((p) => p.status)
      .filter((s): s is PromiseState => s !== 'cancelled');
    const status = planState(states);
    if (status === plan.status) continue;
    changes.push({ id: plan.id, caseId: plan.caseId, status, before: plan.status });
  }
  if (changes.length === 0) return;
  await queryRows(
    tx,
    sql`with change as (
          select * from jsonb_to_recordset(${JSON.stringify(changes)}::jsonb)
            as x(id uuid, "caseId" uuid, status text, before text)
        ),
        updated as (
          update payment_plans pp set status = change.status::plan_status
          from change where pp.id = change.id
          returning pp.id
        )
        insert into audit_events (actor_id, action, entity_type, entity_id, case_id, before, after)
        select null, 'payment_plan.' || change.status, 'payment_plan', change.id::text, change."caseId",
          jsonb_build_object('status', change.before), jsonb_build_object('status', change.status)
        from change join updated on updated.id = change.id`,
  );
}
