import { approvalsListInput, approvalsListOutput } from '@arrears/shared/schemas/supervision';
import { router } from '../../trpc/init.ts';
import { permissionProcedure } from '../../trpc/procedures.ts';
import { listApprovals } from './approvals.service.ts';

/**
 * The supervisor's approvals queue. Deciding a request is `escalations.decide` (the one write POL-APPROVAL reads);
 * this router only lists, with the case facts and the verdict the action would get once approved.
 */
export const approvalsRouter = router({
  list: permissionProcedure('escalation:approve')
    .input(approvalsListInput)
    .output(approvalsListOutput)
    .query(({ ctx, input }) => listApprovals(ctx.db, { user: ctx.user, input, now: ctx.now() })),
});
