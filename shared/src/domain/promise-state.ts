import { addDays, dateOfDay, daysFromCivil, startOfLocalDay } from './calendar.ts';

/** Still imported from here by payments/money-lock.ts, which the case kernel replaces; the calendar owns it. */
export { localDate } from './calendar.ts';

/**
 * Whether a promise to pay was kept (decision 006). Pure: the caller passes the debtor's calendar zone and
 * "today" on that calendar. Dates are `YYYY-MM-DD` days of the debtor's local calendar.
 */
export type PromiseState = 'pending' | 'kept' | 'broken';
export type PlanState = 'active' | 'completed' | 'broken';
export type PlanFrequency = 'weekly' | 'biweekly' | 'monthly';

export interface PromiseTerms {
  amountMinor: number;
  dueDate: string;
  /** When the promise was made: money received before it was already there when the debtor promised. */
  createdAt: Date | number;
  /** For a plan installment, the earlier installments of its plan: payments settle those first. */
  priorMinor?: number;
}

export interface ReceivedPayment {
  amountMinor: number;
  receivedAt: Date | number;
}

export interface DebtorCalendar {
  /** IANA zone of the debtor's calendar. */
  zone: string;
  /** Today on that calendar. */
  today: string;
}

/**
 * The instants whose payments count toward a promise: from when it was made until the local midnight that
 * ends its due date (exclusive), found on the zone's own clock so a DST change that day is honoured.
 */
export function promiseWindow(promise: PromiseTerms, zone: string): { from: number; until: number } {
  const from = typeof promise.createdAt === 'number' ? promise.createdAt : promise.createdAt.getTime();
  return { from, until: startOfLocalDay(promise.dueDate, zone, 1).getTime() };
}

/**
 * Kept once the payments received inside its window cover it (and, for an installment, the earlier ones of
 * its plan); otherwise broken once its due date is past on the debtor's calendar, pending until then.
 */
export function promiseState(
  promise: PromiseTerms,
  payments: readonly ReceivedPayment[],
  calendar: DebtorCalendar,
): PromiseState {
  const { from, until } = promiseWindow(promise, calendar.zone);
  let received = 0;
  for (const payment of payments) {
    const at = typeof payment.receivedAt === 'number' ? payment.receivedAt : payment.receivedAt.getTime();
    if (at >= from && at < until) received += payment.amountMinor;
  }
  if (received >= (promise.priorMinor ?? 0) + promise.amountMinor) return 'kept';
  return calendar.today > promise.dueDate ? 'broken' : 'pending';
}

export interface CasePromise extends Omit<PromiseTerms, 'priorMinor'> {
  id: string;
  planId: string | null;
}

/**
 * The state of every live (not cancelled) promise of a case. A plan's installments are judged cumulatively in
 * due-date order: installment n is kept when its plan's payments cover installments 1..n by its due date.
 * Standalone promises are judged on their own; a payment counts toward every arrangement whose window it is in.
 */
export function casePromiseStates(
  promises: readonly CasePromise[],
  payments: readonly ReceivedPayment[],
  calendar: DebtorCalendar,
): Map<string, PromiseState> {
  const states = new Map<string, PromiseState>();
  const priorByPlan = new Map<string, number>();
  const ordered = [...promises].sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
  for (const promise of ordered) {
    const priorMinor = promise.planId === null ? 0 : (priorByPlan.get(promise.planId) ?? 0);
    states.set(promise.id, promiseState({ ...promise, priorMinor }, payments, calendar));
    if (promise.planId !== null) priorByPlan.set(promise.planId, priorMinor + promise.amountMinor);
  }
  return states;
}

/** A plan breaks with its first broken installment and is completed when every installment is kept. */
export function planState(installments: readonly PromiseState[]): PlanState {
  if (installments.includes('broken')) return 'broken';
  return installments.length > 0 && installments.every((s) => s === 'kept') ? 'completed' : 'active';
}

/**
 * Due dates of a plan's installments. Monthly ones keep the start's day of the month, moved to the month's
 * last day where it has none (a plan from Jan 31 falls due Feb 28, then Mar 31).
 */
export function planDueDates(startDate: string, count: number, frequency: PlanFrequency): string[] {
  if (frequency !== 'monthly') {
    const step = frequency === 'weekly' ? 7 : 14;
    return Array.from({ length: count }, (_, n) => addDays(startDate, n * step));
  }
  const [year, month, day] = startDate.split('-').map(Number) as [number, number, number];
  return Array.from({ length: count }, (_, n) => {
    const monthIndex = month - 1 + n;
    const y = year + Math.floor(monthIndex / 12);
    const m = (monthIndex % 12) + 1;
    const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return dateOfDay(daysFromCivil(y, m, Math.min(day, lastDay)));
  });
}
