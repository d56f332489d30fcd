import { RULESET_VERSION } from '@arrears/shared/compliance/packs';
import {
  portfolioRules,
  rulesCatalogOutput,
  rulesPortfoliosOutput,
  updatePortfolioParametersInput,
} from '@arrears/shared/schemas/rules';
import { router } from '../../trpc/init.ts';
import { permissionProcedure } from '../../trpc/procedures.ts';
import { CATALOG_PACKS } from './rules.catalog.ts';
import { listPortfolioRules, updatePortfolioParameters } from './rules.service.ts';

/**
 * Rule administration. Reading is open to the oversight roles (supervisor, manager, admin): they explain
 * blocked actions and audit contacts, so they need to see which limits a portfolio runs under. Agents see a
 * rule's reason on each verdict instead. Only an admin changes parameters.
 */
export const rulesRouter = router({
  /** The jurisdiction packs with their rules and parameters, and the rule set version. */
  catalog: permissionProcedure('compliance:audit')
    .output(rulesCatalogOutput)
    .query(() => ({
      rulesetVersion: RULESET_VERSION,
      packs: [...CATALOG_PACKS],
    })),

  /** Every portfolio with its packs, overrides, effective values and parameter version. */
  portfolios: permissionProcedure('compliance:audit')
    .output(rulesPortfoliosOutput)
    .query(async ({ ctx }) => ({
      rulesetVersion: RULESET_VERSION,
      portfolios: await listPortfolioRules(ctx.db),
    })),

  /**
   * Replaces a portfolio's overrides (a key left out returns to the pack's value). Loosening a legal limit or
   * naming a parameter outside the portfolio's packs is BAD_REQUEST; a stale `expectedVersion` is CONFLICT.
   */
  updatePortfolioParameters: permissionProcedure('admin:manage')
    .input(updatePortfolioParametersInput)
    .output(portfolioRules)
    .mutation(({ ctx, input }) =>
      updatePortfolioParameters(ctx.db, {
        actorId: ctx.user.id,
        ip: ctx.ip,
        portfolioId: input.portfolioId,
        expectedVersion: input.expectedVersion,
        overrides: input.overrides,
      }),
    ),
});
