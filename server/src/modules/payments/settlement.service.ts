import {
  casePromiseStates,
  localDate,
  type PromiseState,
  planState,
} from '@arrears/shared/domain/promise-state';
import { and, asc, eq, inArray, lt, ne, sql } from 'drizzle-orm';
import type { Executor, Transaction } from '../../db/client.ts';
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
