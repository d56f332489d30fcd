import { createHash } from 'node:crypto';
import { utcDate } from '@arrears/shared/domain/calendar';
import { seedId } from './ids.ts';
import { type PortfolioDef, userId } from './reference-data.ts';

/**
 * Creditors send one placement file per portfolio per week, imported on Mondays at 12:00 UTC; a case's
 * `placedAt` is its file's import time, so "recovery by placement month" groups cases the way files arrived.
 */
const FIRST_MONDAY = 4; // 1970-01-05, in days since the epoch
const IMPORT_HOUR_MS = 12 * 3_600_000;

export const placementInstant = (week: number): Date =>
  new Date((FIRST_MONDAY + week * 7) * 86_400_000 + IMPORT_HOUR_MS);

/** The latest weekly file at or before `day` that was already imported at `now`. */
export function placementWeekFor(day: number, now: Date): number {
  let week = Math.floor((day - FIRST_MONDAY) / 7);
  while (placementInstant(week) > now) week -= 1;
  return week;
}

export const placementId = (portfolio: PortfolioDef, week: number): string =>
  seedId('placement', portfolio.index * 100_000 + week);

/** The placement row of a portfolio's weekly file; its row count is filled in once every case is loaded. */
export function placementRow(portfolio: PortfolioDef, week: number, seed: number) {
  const placedAt = placementInstant(week);
  const region = portfolio.region ?? portfolio.country;
  const fileName = `${portfolio.creditor.accountPrefix}-${region}-${utcDate(placedAt)}.csv`.toLowerCase();
  return {
    id: placementId(portfolio, week),
    portfolioId: portfolio.id,
    fileName,
    fileSha256: createHash('sha256').update(`${seed}:${fileName}`).digest('hex'),
    rowCount: 0,
    placedAt,
    importedBy: userId('ada@arrearsdesk.demo'), // the admin imports placement files
    createdAt: placedAt,
  };
}
