import type { CaseFrame } from './case-story.ts';
import type { BookContext } from './context.ts';
import { Ledger } from './ledger.ts';
import { dayOf, type LocalStamp, stampOf } from './local-time.ts';
import type { Random } from './random.ts';
import type { CaseStory, PromiseStory } from './story.ts';

/**
 * Promises, payment plans and payments. A conversation may end in a promise or a plan; no new one is taken
 * while another is outstanding, so payments arrive in time order and each is allocated fees → interest →
 * principal against what is still owed. Promises due before the day before yesterday are settled (kept with a
 * payment, or broken the morning after); later ones are pending; ones due after a stop are cancelled by it.
 */
export function planLedger(
  story: CaseStory,
  frame: CaseFrame,
  conversations: LocalStamp[],
  rng: Random,
  ctx: BookContext,
): Ledger {
  const ledger = new Ledger(story, rng);
  const { today } = ctx.clock(story.debtor.zone);
  // An active case still owes: a paid-off case is closed as paid (closeSome), so what an active case's promises and
  // plans collect leaves this much owing (the interest and fees an agent still has to talk about).
  const keep = story.status === 'active' ? activeRemainder(ledger.total) : 0;
  const stopDay = frame.stopAt === null ? Number.POSITIVE_INFINITY : dayOf(frame.stopAt);
  /** Settles one promise (or installment) as of today; returns false when it was broken. */
  const settle = (promise: PromiseStory, agent: string | null): boolean => {
    if (promise.dueDay >= stopDay) {
      promise.status = 'cancelled';
      promise.resolvedAt = frame.stopAt;
    } else if (promise.dueDay <= today - 2) {
      if (rng.chance(promise.plan === null ? 0.6 : 0.82)) {
        const at = stampOf(promise.dueDay - rng.int(0, 2), rng.int(8, 21), rng.int(0, 59));
        promise.amountMinor = ledger.pay(at, promise.amountMinor, agent) || promise.amountMinor;
        promise.status = 'kept';
        promise.resolvedAt = at;
      } else {
        promise.status = 'broken';
        promise.resolvedAt = stampOf(promise.dueDay + 1, 3); // the nightly promise check
      }
    }
    return promise.status !== 'broken';
  };
  let busyUntil = Number.NEGATIVE_INFINITY;
  for (const at of conversations) {
    const day = dayOf(at);
    const owed = ledger.owed - keep;
    if (day <= busyUntil || owed <= 0) continue;
    const agent = story.contacts.find((c) => c.at === at)?.agent ?? story.agent;
    const roll = rng.next();
    if (roll < 0.12 && owed >= 12_000) {
      busyUntil = plan(story, owed, rng, at, agent, settle);
    } else if (roll < 0.62) {
      const share = rng.pick([1, 1, 0.5, 0.3, 0.25]);
      const amountMinor = owed < 200 ? owed : Math.max(100, Math.floor((owed * share) / 100) * 100);
      const promise: PromiseStory = {
        createdAt: at + 1,
        createdBy: agent,
        dueDay: day + rng.int(3, 14),
        amountMinor,
        status: 'pending',
        resolvedAt: null,
        plan: null,
      };
      story.promises.push(promise);
      settle(promise, agent);
      busyUntil = promise.dueDay;
    }
  }
  finishLedger(story, frame, ledger, rng, today);
  return ledger;
}

function plan(
  story: CaseStory,
  totalMinor: number,
  rng: Random,
  at: LocalStamp,
  agent: string | null,
  settle: (p: PromiseStory, a: string | null) => boolean,
): number {
  const count = rng.int(3, 6);
  const frequency = rng.weighted([
    ['weekly', 2],
    ['biweekly', 3],
    ['monthly', 5],
  ] as const);
  const step = frequency === 'weekly' ? 7 : frequency === 'biweekly' ? 14 : 30;
  const installment = Math.floor(totalMinor / count / 100) * 100;
  const startDay = dayOf(at) + 7;
  const index = story.plans.length;
  story.plans.push({
    createdAt: at + 1,
    createdBy: agent,
    totalMinor,
    installmentCount: count,
    frequency,
    startDay,
    status: 'active',
  });
  let broken: PromiseStory | null = null;
  for (let k = 0; k < count; k++) {
    const amountMinor = k === count - 1 ? totalMinor - installment * (count - 1) : installment;
    const promise: PromiseStory = {
      createdAt: at + 1,
      createdBy: agent,
      dueDay: startDay + k * step,
      amountMinor,
      status: 'pending',
      resolvedAt: null,
      plan: index,
    };
    story.promises.push(promise);
    // After a missed installment the plan is broken and the rest of it is called off.
    if (broken) Object.assign(promise, { status: 'cancelled', resolvedAt: broken.resolvedAt });
    else if (!settle(promise, agent)) broken = promise;
  }
  const installments = story.promises.filter((p) => p.plan === index);
  const plan = story.plans[index]!;
  if (broken) plan.status = 'broken';
  else if (installments.some((p) => p.status === 'cancelled')) plan.status = 'cancelled';
  else if (installments.every((p) => p.status === 'kept')) plan.status = 'completed';
  return (broken ?? installments[installments.length - 1]!).dueDay;
}

/**
 * What an active case's promises leave owing: 5 % of what it owed, at least 10.00 (never more than the debt). Its
 * other payments (one without a promise, an agency's) are a share of what is owed, so they never clear it either.
 */
export function activeRemainder(totalMinor: number): number {
  return Math.min(totalMinor, Math.max(1_000, Math.round(totalMinor / 2_000) * 100));
}

/** A payment made without a promise, the agency's collections, and the payment that closed a paid or settled case. */
function finishLedger(story: CaseStory, frame: CaseFrame, ledger: Ledger, rng: Random, today: number): void {
  if (story.promises.length === 0 && frame.lastDay - frame.firstDay > 5 && rng.chance(0.08)) {
    const day = rng.int(frame.firstDay + 3, frame.lastDay);
    ledger.pay(
      stampOf(day, rng.int(8, 21), rng.int(0, 59)),
      Math.floor((ledger.owed * rng.pick([0.1, 0.2, 0.5])) / 100) * 100,
      story.agent,
    );
  }
  const lastPayment = story.payments[story.payments.length - 1]?.at ?? 0;
  const before = frame.stopAt === null ? today : Math.min(today, dayOf(frame.stopAt));
  for (const placement of story.agencyPlacements) {
    const day = Math.max(dayOf(placement.placedAt) + rng.int(10, 40), dayOf(lastPayment) + 1);
    if (placement.status === 'placed' && day < before && rng.chance(0.3)) {
      ledger.pay(stampOf(day, 12), Math.floor((ledger.owed * 0.3) / 100) * 100, null, true);
    }
    placement.balanceAtPlacementMinor = ledger.owedAt(placement.placedAt);
  }
  for (const action of story.legalActions) action.claimMinor = ledger.owedAt(action.createdAt);
  if (story.closedAt !== null && (story.status === 'paid' || story.status === 'settled')) {
    const share = story.status === 'paid' ? 1 : rng.int(40, 80) / 100;
    ledger.pay(
      story.closedAt,
      story.status === 'paid' ? ledger.owed : Math.max(100, Math.round(ledger.owed * share)),
      story.agent,
    );
    for (const plan of story.plans)
      if (story.status === 'paid' && plan.status === 'cancelled') plan.status = 'completed';
  }
}
