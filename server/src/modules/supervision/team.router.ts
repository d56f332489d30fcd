import {
  teamAlertsOutput,
  teamCasesInput,
  teamCasesOutput,
  teamOverviewOutput,
  teamReassignInput,
  teamReassignOutput,
} from '@arrears/shared/schemas/supervision';
import { z } from 'zod';
import { router } from '../../trpc/init.ts';
import { keyedMutation, permissionProcedure } from '../../trpc/procedures.ts';
import { teamAlerts } from './alerts.service.ts';
import { reassignCases, teamCases, teamOverview } from './team.service.ts';

/** 'case:reassign': a supervisor within their teams, an admin in any team (the service keeps the scope). */
export const teamRouter = router({
  overview: permissionProcedure('case:reassign')
    .input(z.object({}).optional())
    .output(teamOverviewOutput)
    .query(({ ctx }) => teamOverview(ctx.db, ctx.user)),

  cases: permissionProcedure('case:reassign')
    .input(teamCasesInput)
    .output(teamCasesOutput)
    .query(({ ctx, input }) => teamCases(ctx.db, ctx.user, input)),

  /** What machines raised for the team (a dial made without a live reservation), newest first. */
  alerts: permissionProcedure('case:reassign')
    .input(z.object({}).optional())
    .output(teamAlertsOutput)
    .query(({ ctx }) => teamAlerts(ctx.db, ctx.user)),

  reassign: keyedMutation('case:reassign', teamReassignInput, teamReassignOutput, reassignCases),
});
