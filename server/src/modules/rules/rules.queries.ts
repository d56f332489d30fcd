import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { creditors, portfolios } from '../../db/schema/index.ts';

const portfolioColumns = {
  id: portfolios.id,
  name: portfolios.name,
  creditorName: creditors.name,
  currency: portfolios.currency,
  jurisdictionCountry: portfolios.jurisdictionCountry,
  jurisdictionRegion: portfolios.jurisdictionRegion,
  ruleParameters: portfolios.ruleParameters,
  ruleParametersVersion: portfolios.ruleParametersVersion,
};

export interface PortfolioParametersRow {
  id: string;
  name: string;
  creditorName: string;
  currency: string;
  jurisdictionCountry: string;
  jurisdictionRegion: string | null;
  ruleParameters: Record<string, number>;
  ruleParametersVersion: number;
}

export async function listPortfolioParameterRows(db: Executor): Promise<PortfolioParametersRow[]> {
  return db
    .select(portfolioColumns)
    .from(portfolios)
    .innerJoin(creditors, eq(creditors.id, portfolios.creditorId))
    .orderBy(asc(portfolios.name));
}

/** Loads one portfolio and locks its row until the transaction ends, so two saves cannot interleave. */
export async function lockPortfolioParameters(
  tx: Executor,
  portfolioId: string,
): Promise<PortfolioParametersRow | undefined> {
  const [row] = await tx
    .select(portfolioColumns)
    .from(portfolios)
    .innerJoin(creditors, eq(creditors.id, portfolios.creditorId))
    .where(eq(portfolios.id, portfolioId))
    .for('update', { of: portfolios });
  return row;
}

/** Replaces the overrides and bumps the version, only if the version is still `expectedVersion`. */
export async function writePortfolioParameters(
  tx: Executor,
  portfolioId: string,
  expectedVersion: number,
  overrides: Record<string, number>,
): Promise<number | undefined> {
  const [row] = await tx
    .update(portfolios)
    .set({ ruleParameters: overrides, ruleParametersVersion: expectedVersion + 1 })
    .where(and(eq(portfolios.id, portfolioId), eq(portfolios.ruleParametersVersion, expectedVersion)))
    .returning({ version: portfolios.ruleParametersVersion });
  return row?.version;
}
