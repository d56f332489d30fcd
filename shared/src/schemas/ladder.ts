import { z } from 'zod';
import { PLACEMENT_STATUSES } from '../domain/enums.ts';
import { errorMessage } from '../errors/messages.ts';
import { refineMessage } from '../errors/zod-issues.ts';
import { idempotencyKey } from './idempotency.ts';
import { rowLimit } from './pagination.ts';
import { currencyCode, id, instant, longText, minorAmount, shortText } from './primitives.ts';

/**
 * Contracts of the nightly roll's ladder policies and of agency placements (decision 014). Money is minor units
 * plus a currency; totals are per currency, never summed across currencies.
 */
const days = (field: string) =>
  z
    .number({ error: `${field} must be a number of days` })
    .int(`${field} must be a whole number of days`)
    .min(0, `${field} cannot be negative`)
    .max(3650, `${field} must be at most 3650 days`);

/** Days past due from which a case belongs on each rung. Used by portfolios without a policy of their own. */
export const DEFAULT_LADDER_POLICY = { agentFromDays: 6, agencyFromDays: 121, legalFromDays: 181 } as const;

export const ladderPolicyFields = z
  .object({
    agentFromDays: days('agentFromDays'),
    agencyFromDays: days('agencyFromDays'),
    legalFromDays: days('legalFromDays'),
  })
  .refine((p) => p.agentFromDays < p.agencyFromDays && p.agencyFromDays < p.legalFromDays, {
    ...refineMessage(errorMessage('ladder.rungsOutOfOrder')),
    path: ['agencyFromDays'],
  });
export type LadderPolicyFields = z.infer<typeof ladderPolicyFields>;

export const updateLadderPolicyInput = z.object({
  portfolioId: id('portfolioId'),
  policy: ladderPolicyFields,
});

export const ladderPolicyView = z.object({
  portfolioId: z.string().uuid(),
  portfolioName: z.string(),
  agentFromDays: z.number().int(),
  agencyFromDays: z.number().int(),
  legalFromDays: z.number().int(),
  /** False while the portfolio uses the defaults. */
  custom: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type LadderPolicyView = z.infer<typeof ladderPolicyView>;

export const rollSummary = z.object({
  runDate: z.string(),
  zone: z.string(),
  asOf: z.string(),
  portfolioId: z.string().nullable(),
  /** Active cases the roll looked at. */
  scanned: z.number().int(),
  /** Cases whose days past due or bucket changed. */
  redated: z.number().int(),
  /** Moves up the ladder, per rung reached. */
  moves: z.object({ agent: z.number().int(), agency: z.number().int(), legal: z.number().int() }),
  promisesBroken: z.number().int(),
  promisesKept: z.number().int(),
  /** Active cases whose queue standing was re-judged afterwards; null when skipped. */
  queuesJudged: z.number().int().nullable(),
  /** The reports' month of bucket rolls, written on the first night of a month (full runs only). */
  bucketRolls: z.object({ month: z.string(), written: z.boolean() }).nullable(),
  ms: z.object({
    promises: z.number(),
    ladder: z.number(),
    queues: z.number(),
    total: z.number(),
  }),
});
export type RollSummary = z.infer<typeof rollSummary>;

export const rollRunView = z.object({
  runDate: z.string(),
  status: z.enum(['running', 'done', 'failed']),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  asOf: z.string(),
  summary: rollSummary.nullable(),
  error: z.string().nullable(),
});
export type RollRunView = z.infer<typeof rollRunView>;

export const listRollRunsInput = z.object({ limit: rowLimit(100, 14) }).default({
  limit: 14,
});

// ── Agencies ─────────────────────────────────────────────────────────────────────────────────────────────

const bps = z
  .number({ error: 'commissionBps must be a number of basis points' })
  .int('commissionBps must be a whole number of basis points')
  .min(0, 'commissionBps cannot be negative')
  .max(10_000, 'commissionBps is at most 10000 (100%)');

export const createAgencyInput = z.object({
  name: shortText(200).min(2, 'Name the agency'),
  commissionBps: bps,
  idempotencyKey,
});

export const updateAgencyInput = z.object({ agencyId: id('agencyId'), commissionBps: bps });

/** An amount per currency. */
export const currencyAmount = z.object({ currency: z.string(), amountMinor: z.number().int() });
export type CurrencyAmount = z.infer<typeof currencyAmount>;

export const agencyTotals = z.object({
  currency: z.string(),
  placedCount: z.number().int(),
  /** Balance at placement of the placements still with the agency: the amount placed, fixed when it was placed. */
  placedBalanceMinor: z.number().int(),
  /** What those cases owe now (collections lower it): shown beside the amount placed, never instead of it. */
  heldBalanceMinor: z.number().int(),
  recalledCount: z.number().int(),
  /** Balance at placement of the recalled placements. */
  recalledBalanceMinor: z.number().int(),
  collectedMinor: z.number().int(),
  commissionMinor: z.number().int(),
});
export type AgencyTotals = z.infer<typeof agencyTotals>;

export const agencyView = z.object({
  id: z.string().uuid(),
  name: z.string(),
  commissionBps: z.number().int(),
  createdAt: z.string(),
  /** Over the placements in the caller's scope, one row per currency. */
  totals: z.array(agencyTotals),
});
export type AgencyView = z.infer<typeof agencyView>;

/** An agency a case can be placed with, as the case screen's placement form lists it. */
export const agencyChoice = z.object({
  id: z.string().uuid(),
  name: z.string(),
  commissionBps: z.number().int(),
});
export type AgencyChoice = z.infer<typeof agencyChoice>;

export const listPlacementsInput = z.object({
  agencyId: id('agencyId').optional(),
  caseId: id('caseId').optional(),
  status: z.enum(PLACEMENT_STATUSES).optional(),
  limit: rowLimit(200),
  /** Keyset: the id of the last row of the previous page (rows come newest first by placed instant, then id). */
  after: z.object({ placedAt: instant('after.placedAt'), id: id('after.id') }).optional(),
});

export const placementView = z.object({
  id: z.string().uuid(),
  caseId: z.string().uuid(),
  accountRef: z.string(),
  agencyId: z.string().uuid(),
  agencyName: z.string(),
  status: z.enum(PLACEMENT_STATUSES),
  currency: z.string(),
  balanceAtPlacementMinor: z.number().int(),
  /** The case's balance now. */
  balanceMinor: z.number().int(),
  collectedMinor: z.number().int(),
  commissionMinor: z.number().int(),
  commissionBps: z.number().int(),
  placedAt: z.string(),
  recalledAt: z.string().nullable(),
  recallReason: z.string().nullable(),
  caseVersion: z.number().int(),
});
export type PlacementView = z.infer<typeof placementView>;

export const placementsPage = z.object({
  rows: z.array(placementView),
  next: z.object({ placedAt: z.string(), id: z.string() }).nullable(),
});

export const recallPlacementInput = z.object({
  placementId: id('placementId'),
  reason: longText(2000).min(10, 'Write a reason of at least 10 characters'),
  idempotencyKey,
});

export const recordAgencyPaymentInput = z.object({
  placementId: id('placementId'),
  amountMinor: minorAmount('amountMinor'),
  currency: currencyCode,
  /** When the agency collected the money; not in the future. */
  receivedAt: instant('receivedAt'),
  /** The agency's reference for this collection; reporting the same reference again records nothing new. */
  reference: shortText(60, 'reference must be 3 to 60 characters')
    .min(3, 'reference must be 3 to 60 characters')
    .regex(/^[\x21-\x7e]+$/, 'reference must be printable ASCII without spaces'),
  idempotencyKey,
});

export const agencyPaymentOutput = z.object({
  paymentId: z.number().int(),
  replayed: z.boolean(),
  commissionMinor: z.number().int(),
  currency: z.string(),
  balanceMinor: z.number().int(),
});
