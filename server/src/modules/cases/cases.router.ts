import { caseFilterOptions, caseListInput, caseListOutput } from '@arrears/shared/schemas/cases';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { portfolios, users } from '../../db/schema/index.ts';
import { router } from '../../trpc/init.ts';
import { permissionProcedure } from '../../trpc/procedures.ts';
import { listCases } from './cases.queries.ts';

export const casesRouter = router({
  /** The Cases table: server-side paging, sorting and filtering within the caller's scope. */
  list: permissionProcedure('case:read')
    .input(caseListInput)
    .output(caseListOutput)
    .query(async ({ ctx, input }) => {
      const { rows, total } = await listCases(ctx.db, ctx.user, input);
      return { rows, total, page: input.page, pageSize: input.pageSize };
    }),

  /** Portfolios and the agents the caller may filter by (an agent sees only themself). */
  filterOptions: permissionProcedure('case:read')
    .output(caseFilterOptions)
    .query(async ({ ctx }) => {
      const portfolioRows = await ctx.db
        .select({ id: portfolios.id, name: portfolios.name, currency: portfolios.currency })
        .from(portfolios)
        .orderBy(asc(portfolios.name));
      const agentFilter =
        ctx.user.role === 'agent'
          ? eq(users.id, ctx.user.id)
          : ctx.user.role === 'supervisor'
            ? and(
                eq(users.role, 'agent'),
                inArray(
                  users.teamId,
                  ctx.user.teamIds.length ? ctx.user.teamIds : ['00000000-0000-0000-0000-000000000000'],
                ),
              )
            : eq(users.role, 'agent');
      const agents = await ctx.db
        .select({ id: users.id, name: users.name })
        .from(users)
        .where(agentFilter)
        .orderBy(asc(users.name));
      return { portfolios: portfolioRows, agents };
    }),
});
