import { z } from 'zod';
import { daysBetween } from '../domain/calendar.ts';
import { errorMessage } from '../errors/messages.ts';
import { refineMessage } from '../errors/zod-issues.ts';
import { date, id } from './primitives.ts';

/**
 * Contracts of the recovery reports (decision record 011). Every money figure carries its currency and is
 * never summed across currencies; days and months are UTC calendar days (the reporting day boundary).
 * Rates are plain ratios (0.25 = 25 %), or null when the denominator is zero.
 */

export const REPORT_NAMES = [
  'collected',
  'vintage',
  'liquidation',
  'rollRates',
  'promiseKept',
  'rightParty',
  'contactsPerCollected',
  'agentLeague',
  'teamLeague',
  'agency',
] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

export const REPORT_GRAINS = ['day', 'week', 'month'] as const;
export type ReportGrain = (typeof REPORT_GRAINS)[number];

/** The longest date range a report accepts, in days (about three years). */
export const MAX_REPORT_DAYS = 1100;

export const reportFilters = z
  .object({
    /** First UTC day included. */
    from: date('from'),
    /** Last UTC day included. */
    to: date('to'),
    /** Empty: every portfolio. */
    portfolioIds: z.array(id('portfolioIds')).max(100, 'portfolioIds: at most 100 portfolios').default([]),
  })
  .refine((f) => f.from <= f.to, { ...refineMessage(errorMessage('range.toBeforeFrom')), path: ['to'] })
  .refine((f) => daysBetween(f.from, f.to) <= MAX_REPORT_DAYS, {
    ...refineMessage(errorMessage('range.tooLong', { days: MAX_REPORT_DAYS })),
    path: ['to'],
  });
export type ReportFilters = z.output<typeof reportFilters>;

export const collectedInput = z.object({
  filters: reportFilters,
  grain: z.enum(REPORT_GRAINS, { error: 'grain must be day, week or month' }).default('month'),
});
export const reportInput = z.object({ filters: reportFilters });

export const reportCsvInput = z.object({
  report: z.enum(REPORT_NAMES, { error: 'report must be one of the report names' }),
  filters: reportFilters,
  grain: z.enum(REPORT_GRAINS, { error: 'grain must be day, week or month' }).default('month'),
});
export const reportCsvOutput = z.object({ fileName: z.string(), csv: z.string() });

const rate = z.number().nullable();
const portfolio = { portfolioId: z.string(), portfolioName: z.string() };

export const portfolioOption = z.object({ id: z.string(), name: z.string(), currency: z.string() });

export const collectedRow = z.object({
  /** First day of the day, ISO week (Monday) or month. */
  period: z.string(),
  ...portfolio,
  currency: z.string(),
  amountMinor: z.number(),
  paymentCount: z.number(),
});

export const vintageRow = z.object({
  ...portfolio,
  placementMonth: z.string(),
  currency: z.string(),
  caseCount: z.number(),
  placedMinor: z.number(),
  monthsSince: z.number(),
  collectedMinor: z.number(),
  cumulativeMinor: z.number(),
  /** Cumulative collected ÷ placed balance. */
  recoveryRate: rate,
});

export const liquidationRow = z.object({
  month: z.string(),
  ...portfolio,
  currency: z.string(),
  /** Placed before the month, less everything collected before it. */
  openingMinor: z.number(),
  placedMinor: z.number(),
  collectedMinor: z.number(),
  /** Collected in the month ÷ (opening + placed in the month). */
  liquidationRate: rate,
});

export const rollRateRow = z.object({
  month: z.string(),
  fromBucket: z.string(),
  toBucket: z.string(),
  caseCount: z.number(),
  fromCount: z.number(),
  rollRate: rate,
});

export const promiseKeptRow = z.object({
  month: z.string(),
  ...portfolio,
  currency: z.string(),
  keptCount: z.number(),
  brokenCount: z.number(),
  keptMinor: z.number(),
  brokenMinor: z.number(),
  /** Kept ÷ (kept + broken), by count; pending and cancelled promises are left out. */
  keptRate: rate,
});

export const rightPartyRow = z.object({
  month: z.string(),
  ...portfolio,
  callAttempts: z.number(),
  rightPartyContacts: z.number(),
  rightPartyRate: rate,
});

export const contactsPerCollectedRow = z.object({
  ...portfolio,
  currency: z.string(),
  contacts: z.number(),
  collectedMinor: z.number(),
  /** Contacts per 1,000 major units (dollars, yuan) collected. */
  contactsPerThousand: rate,
});

const leagueFigures = {
  currency: z.string(),
  collectedMinor: z.number(),
  paymentCount: z.number(),
  contacts: z.number(),
  callAttempts: z.number(),
  rightPartyContacts: z.number(),
  keptCount: z.number(),
  brokenCount: z.number(),
  rightPartyRate: rate,
  keptRate: rate,
};
export const agentLeagueRow = z.object({
  agentId: z.string().nullable(),
  agentName: z.string().nullable(),
  teamName: z.string().nullable(),
  ...leagueFigures,
});
export const teamLeagueRow = z.object({
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  ...leagueFigures,
});

export const agencyRow = z.object({
  agencyId: z.string(),
  agencyName: z.string(),
  currency: z.string(),
  placedCount: z.number(),
  placedMinor: z.number(),
  recalledCount: z.number(),
  recalledMinor: z.number(),
  /** Still with the agency now, whatever the range. */
  openCount: z.number(),
  openMinor: z.number(),
});

export type CollectedRow = z.infer<typeof collectedRow>;
export type VintageRow = z.infer<typeof vintageRow>;
export type LiquidationRow = z.infer<typeof liquidationRow>;
export type RollRateRow = z.infer<typeof rollRateRow>;
export type PromiseKeptRow = z.infer<typeof promiseKeptRow>;
export type RightPartyRow = z.infer<typeof rightPartyRow>;
export type ContactsPerCollectedRow = z.infer<typeof contactsPerCollectedRow>;
export type AgentLeagueRow = z.infer<typeof agentLeagueRow>;
export type TeamLeagueRow = z.infer<typeof teamLeagueRow>;
export type AgencyRow = z.infer<typeof agencyRow>;

/** A ratio, or null when there is nothing to divide by. One definition for the server and the checks. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}
