import { elapsedDays } from './calendar.ts';
import { minorDigits } from './money.ts';

/**
 * Where the case's promises to pay stand today, on the debtor's calendar (decision record 007):
 * `due_today` — a pending promise falls due today; `broken` — the latest promise is broken (or pending and past its
 * date) and fell due within the last 30 days; `pending_future` — a pending promise falls due later; else `none`.
 */
export const PROMISE_STANDINGS = ['none', 'due_today', 'broken', 'pending_future'] as const;
export type PromiseStanding = (typeof PROMISE_STANDINGS)[number];

export interface PriorityInputs {
  balanceMinor: number;
  currency: string;
  daysPastDue: number;
  promiseState: PromiseStanding;
  lastContactAt: Date | null;
  now: Date;
  /** Whether the case can be called now (its earliest workable instant is not after `now`). */
  workableNow: boolean;
}

/**
 * Rough units of each currency per US dollar, only so that balances in different currencies land on one scale.
 * It orders work, it never converts money: a 10 % drift in a rate moves a score by 4 points. Unknown currencies
 * count as dollars.
 */
const UNITS_PER_DOLLAR: Readonly<Record<string, number>> = {
  USD: 1,
  CNY: 7,
  EUR: 0.9,
  GBP: 0.8,
  CAD: 1.35,
  AUD: 1.5,
  JPY: 150,
  HKD: 7.8,
  MXN: 18,
  INR: 83,
};

/** The weights of the score; see priorityScore. Exported so the decision record and tests name the same numbers. */
export const PRIORITY_WEIGHTS = {
  /** Points per tenfold balance (in rough dollars): $100 → 200, $1,000 → 300, $10,000 → 400. */
  balancePerDecade: 100,
  /** Days past due count half a point each, up to a year (180 points). */
  daysPastDueCap: 360,
  promise: { due_today: 300, broken: 200, pending_future: -150, none: 0 } satisfies Record<
    PromiseStanding,
    number
  >,
  /** Two points per whole day since the last contact, up to 30 days; never contacted counts as the cap. */
  pointsPerQuietDay: 2,
  quietDaysCap: 30,
  workableNow: 100,
} as const;

/** A balance in rough dollars: minor units to major units by the currency's digits, then the rough rate. */
export function roughDollars(balanceMinor: number, currency: string): number {
  const major = Math.max(0, balanceMinor) / 10 ** minorDigits(currency);
  return major / (UNITS_PER_DOLLAR[currency] ?? 1);
}

/**
 * The priority of a case in every queue and for "next case": higher is worked first. An integer sum of
 *
 * - **balance**: 100 × log10(1 + rough dollars). Money recovered is the goal, but with diminishing weight, so a
 *   large balance does not bury everything else: $10,000 outranks $1,000 by the same 100 points as $1,000 does $100.
 * - **days past due**: ½ point per day, capped at 360 days (180 points). Older arrears are harder to recover and
 *   the limitation clock runs, so age adds urgency; past a year the case is on the agency/legal ladder and more age
 *   tells nothing new. At most 180, so age reorders cases of similar balance but never outweighs two decades.
 * - **promise**: due today +300 (the call that turns a promise into a payment has the best yield of the day, so
 *   these come first), broken within 30 days +200 (a fresh broken promise is followed up while the debtor still
 *   remembers it), pending later −150 (the debtor has committed; calling before the date adds pressure and uses up
 *   the weekly call cap without adding money), none 0.
 * - **last contact**: 2 points per whole day since the last contact, up to 30 days (60 points); never contacted
 *   counts as 60. Spreads the work so recently contacted debtors wait while quiet ones come up.
 * - **workable now**: +100, so within a queue the cases an agent can call right now come before those a rule
 *   blocks until later (next-case only considers workable cases, where this term is the same for all).
 */
export function priorityScore(inputs: PriorityInputs): number {
  const w = PRIORITY_WEIGHTS;
  const balance = w.balancePerDecade * Math.log10(1 + roughDollars(inputs.balanceMinor, inputs.currency));
  const age = Math.min(Math.max(0, inputs.daysPastDue), w.daysPastDueCap) / 2;
  const quietDays =
    inputs.lastContactAt === null
      ? w.quietDaysCap
      : Math.min(w.quietDaysCap, Math.max(0, elapsedDays(inputs.lastContactAt, inputs.now)));
  return (
    Math.round(balance + age) +
    w.promise[inputs.promiseState] +
    w.pointsPerQuietDay * quietDays +
    (inputs.workableNow ? w.workableNow : 0)
  );
}
