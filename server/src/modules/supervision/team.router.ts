import {
  teamCasesInput,
  teamCasesOutput,
  teamOverviewOutput,
  teamReassignInput,
  teamReassignOutput,
} from '@arrears/shared/schemas/supervision';
import { z } from 'zod';
import { router } from '../../trpc/init.ts';
import { idempotent, roleProcedure } from '../../trpc/procedures.ts';
import { reassignCases, teamCases, teamOverview } from './team.service.ts';

/** 'case:reassign' (shared/src/auth/roles.ts): a supervisor within their teams, an admin in any team. */
const reassignProcedure = roleProcedure('supervisor', 'admin');

export const teamRouter = router({
  overview: reassignProcedure
    .input(z.object({}).optional())
    .output(teamOverviewOutput)
    .query(({ ctx }) => teamOverview(ctx.db, ctx.user)),

  cases: reassignProcedure
    .input(teamCasesInput)
    .output(teamCasesOutput)
    .query(({ ctx, input }) => teamCases(ctx.db, ctx.user, input)),

  reassign: reassignProcedure
    .input(teamReassignInput)
    .use(idempotent)
    .output(teamReassignOutput)
    .mutation(({ ctx, input }) =>
      reassignCases(ctx.db, { user: ctx.user, input, now: ctx.now(), ip: ctx.ip }),
    ),
});
