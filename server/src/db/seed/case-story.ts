import type { Bucket, LadderStage } from '@arrears/shared/domain/enums';
import { makeAmounts } from './amounts.ts';
import type { BookContext } from './context.ts';
import { makeDebtor } from './debtor-story.ts';
import { agentsOf } from './demo-users.ts';
import { zoneOfRegion } from './geography.ts';
import { dayOf, type LocalStamp, stampAt, stampOf } from './local-time.ts';
import { placementInstant, placementWeekFor } from './placements.ts';
import type { Random } from './random.ts';
import { PORTFOLIOS, type PortfolioDef } from './reference-data.ts';
import type { CaseStory } from './story.ts';

/**
 * One step of a generic case's plan (generic-case.ts runs them in order): it plans inside the frame the earlier
 * steps left open, from the case's own random stream.
 */
export type CasePlanner = (
  story: CaseStory,
  frame: CaseFrame,
  rng: Random,
  ctx: BookContext,
  daysPastDue: number,
) => void;

/**
 * When a case may be worked: from the day after placement to yesterday (or its closing, or the first event
 * that stops collection). Nothing planned for a case falls outside its frame.
 */
export interface CaseFrame {
  firstDay: number;
  lastDay: number;
  /** Before this day only automated reminders go out (the reminder rung of the ladder). */
  agentFrom: number;
  /** Inclusive day ranges without collection, e.g. a dispute until its verification was sent. */
  pauses: [number, number][];
  /** Nothing is collected after this instant; promises falling due after it are cancelled. */
  stopAt: LocalStamp | null;
  /** Letters the rules still allow after a stop or inside a pause (cease_ack, the verification). */
  letters: { at: LocalStamp; purpose: 'cease_ack' | 'validation_notice' }[];
  /** A completed field visit, planned with the other contacts. */
  visitAt: LocalStamp | null;
}

/** Per bucket: the fewest and most days past due a case in it gets, and its share of the book. */
const BUCKET_DAYS: Record<Bucket, [number, number, number]> = {
  current: [0, 0, 5],
  dpd_1_30: [1, 30, 20],
  dpd_31_60: [31, 60, 18],
  dpd_61_90: [61, 90, 15],
  dpd_91_120: [91, 120, 12],
  dpd_121_180: [121, 180, 13],
  dpd_181_plus: [181, 720, 17],
};

const BUCKET_WEIGHTS = Object.entries(BUCKET_DAYS).map(
  ([bucket, [, , weight]]) => [bucket as Bucket, weight] as const,
);
const PORTFOLIO_WEIGHTS = {
  US: PORTFOLIOS.filter((p) => p.country === 'US').map((p) => [p, p.weight] as const),
  CN: PORTFOLIOS.filter((p) => p.country === 'CN').map((p) => [p, p.weight] as const),
};

/** Scrambles the case number into an 8-digit reference, unique per case (the multiplier is coprime to 10^8). */
const accountRef = (portfolio: PortfolioDef, n: number) =>
  `${portfolio.creditor.accountPrefix}-${String((n * 48_271 + 10_000_019) % 100_000_000).padStart(8, '0')}`;

/** The ladder rung of a case this overdue; the upper rungs may fall back to `agent` if there is no room for them. */
function stageFor(daysPastDue: number, rng: Random): LadderStage {
  if (daysPastDue <= 5) return 'reminder';
  if (daysPastDue <= 120) return rng.chance(daysPastDue > 90 ? 0.04 : 0) ? 'field' : 'agent';
  return rng.weighted([
    ['agent', 70],
    ['agency', 18],
    ['field', 7],
    ['legal', 5],
  ] as const);
}

/** The facts of a generic case before its history: portfolio, debtor, amounts, due date, placement, status. */
export function makeCaseStory(
  n: number,
  rng: Random,
  ctx: BookContext,
): { story: CaseStory; frame: CaseFrame; daysPastDue: number } {
  const portfolio = rng.weighted(rng.chance(0.75) ? PORTFOLIO_WEIGHTS.US : PORTFOLIO_WEIGHTS.CN);
  const country = portfolio.country;
  const [minDays, maxDays] = BUCKET_DAYS[rng.weighted(BUCKET_WEIGHTS)];
  const daysPastDue = rng.int(minDays, maxDays);
  const zone = zoneOfRegion(portfolio.country, portfolio.region);
  const clock = ctx.clock(zone);
  const dueDay = daysPastDue === 0 ? clock.today + rng.int(0, 5) : clock.today - daysPastDue;
  // Creditors place early-stage accounts a few days before the due date and others within weeks after it.
  const wantedDay = Math.min(
    clock.today,
    dueDay + (daysPastDue === 0 ? -rng.int(1, 6) : rng.int(-6, Math.min(daysPastDue, 45))),
  );
  const placementWeek = placementWeekFor(wantedDay, ctx.now);
  const placedDay = dayOf(stampAt(zone, placementInstant(placementWeek)));
  const debtor = makeDebtor(rng, ctx, portfolio, dueDay - rng.int(60, 720));
  const story = newStory({
    accountRef: accountRef(portfolio, n),
    portfolio,
    debtor,
    ...makeAmounts(rng, portfolio.creditor.product, daysPastDue),
    dueDay,
    placementWeek,
    stage: stageFor(daysPastDue, rng),
    agent: rng.chance(0.15) ? null : rng.pick(agentsOf(portfolio.team)),
    // US states allow 3–6 years; China 3 years from the due date.
    limitationsExpiresAt: stampOf(dueDay + (country === 'US' ? rng.int(3, 6) * 365 : 3 * 365), 0),
  });
  const frame: CaseFrame = {
    firstDay: placedDay + 1,
    lastDay: clock.today - 1,
    agentFrom: Math.max(placedDay + 2, dueDay + 6),
    pauses: [],
    stopAt: null,
    letters: [],
    visitAt: null,
  };
  closeSome(story, frame, rng, daysPastDue);
  return { story, frame, daysPastDue };
}

type StoryFacts = Pick<
  CaseStory,
  | 'accountRef'
  | 'portfolio'
  | 'debtor'
  | 'originalPrincipalMinor'
  | 'principalMinor'
  | 'interestMinor'
  | 'feesMinor'
  | 'dueDay'
  | 'placementWeek'
  | 'stage'
  | 'agent'
  | 'limitationsExpiresAt'
>;

/** An active case with its facts and nothing yet on its timeline. */
export function newStory(facts: StoryFacts): CaseStory {
  return {
    ...facts,
    status: 'active',
    closedAt: null,
    holdUntil: null,
    holdReason: null,
    initialCommunicationAt: null,
    validationNoticeSentAt: null,
    nextWorkableAt: null,
    contacts: [],
    promises: [],
    plans: [],
    payments: [],
    disputes: [],
    complaints: [],
    escalations: [],
    agencyPlacements: [],
    fieldVisits: [],
    legalActions: [],
    notes: [],
  };
}

/** About one case in six has left the book: paid, settled, returned to the creditor, or written off. */
function closeSome(story: CaseStory, frame: CaseFrame, rng: Random, daysPastDue: number): void {
  if (daysPastDue < 20 || frame.lastDay - frame.firstDay < 20) return;
  const status = rng.weighted([
    ['active', 84],
    ['paid', 6],
    ['settled', 3],
    ['returned', 4],
    ['uncollectible', 3],
  ] as const);
  if (status === 'active') return;
  const closedDay = rng.int(frame.firstDay + 14, frame.lastDay);
  story.status = status;
  story.closedAt = stampOf(closedDay, rng.int(10, 17), rng.int(0, 59));
  frame.lastDay = closedDay - 1;
  frame.stopAt = story.closedAt;
}
