import {
  complianceCheckInput,
  complianceCheckOutput,
  decisionsInput,
  decisionsOutput,
  overrideInput,
  overrideOutput,
} from '@arrears/shared/schemas/compliance';
import { router } from '../../trpc/init.ts';
import { keyedMutation, permissionProcedure } from '../../trpc/procedures.ts';
import { caseDecisions, checkCase } from './compliance.service.ts';
import { grantOverride } from './override.service.ts';

export const complianceRouter = router({
  /** The verdict of every action on a case right now, for the case screen. Anyone who can see the case. */
  check: permissionProcedure('case:read')
    .input(complianceCheckInput)
    .output(complianceCheckOutput)
    .query(({ ctx, input }) => checkCase(ctx.db, { user: ctx.user, caseId: input.caseId, now: ctx.now() })),

  /** The case's blocked, warned and overridden decisions, newest first. Anyone who can see the case. */
  decisions: permissionProcedure('case:read')
    .input(decisionsInput)
    .output(decisionsOutput)
    .query(({ ctx, input }) => caseDecisions(ctx.db, { user: ctx.user, ...input })),

  /** A supervisor waives agency policy or warnings on a case of their teams for 24 hours; never law. */
  override: keyedMutation('compliance:override', overrideInput, overrideOutput, grantOverride),
});
