import { eq } from 'drizzle-orm';
import { cases, portfolios } from '../../../server/src/db/schema/index.ts';
import { type MatrixRow, type MatrixWorld, only } from './types.ts';

/** The world's portfolio and its current parameter version, read fresh so rows do not depend on each other. */
async function worldPortfolio(world: MatrixWorld) {
  const [row] = await world.db
    .select({ id: portfolios.id, version: portfolios.ruleParametersVersion })
    .from(cases)
    .innerJoin(portfolios, eq(portfolios.id, cases.portfolioId))
    .where(eq(cases.id, world.caseId));
  return row!;
}

/** Supervisors and managers read the rules they explain and audit; only an admin changes them. */
export const rulesMatrix: Record<string, MatrixRow> = {
  'rules.catalog': { access: only('supervisor', 'manager', 'admin'), call: (c) => c.rules.catalog() },
  'rules.portfolios': { access: only('supervisor', 'manager', 'admin'), call: (c) => c.rules.portfolios() },
  'rules.updatePortfolioParameters': {
    access: only('admin'),
    call: async (c, world) => {
      const portfolio = await worldPortfolio(world);
      return c.rules.updatePortfolioParameters({
        portfolioId: portfolio.id,
        expectedVersion: portfolio.version,
        overrides: { 'US-REGF-7IN7.maxCalls': 6 },
      });
    },
  },
};
