import {
  ladderPolicyView,
  listRollRunsInput,
  rollRunView,
  updateLadderPolicyInput,
} from '@arrears/shared/schemas/ladder';
import { z } from 'zod';
import { router } from '../../trpc/init.ts';
import { permissionProcedure } from '../../trpc/procedures.ts';
import { listLadderPolicies, listRollRuns, updateLadderPolicy } from './policies.service.ts';

/** The ladder's rules per portfolio (admin) and what the nightly rolls did (supervisors, managers, admins). */
export const ladderRouter = router({
  policies: permissionProcedure('admin:manage')
    .input(z.object({}).optional())
    .output(z.array(ladderPolicyView))
    .query(({ ctx }) => listLadderPolicies(ctx.db)),

  updatePolicy: permissionProcedure('admin:manage')
    .input(updateLadderPolicyInput)
    .output(ladderPolicyView)
    .mutation(({ ctx, input }) =>
      updateLadderPolicy(ctx.db, { user: ctx.user, input, now: ctx.now(), ip: ctx.ip }),
    ),

  runs: permissionProcedure('compliance:audit')
    .input(listRollRunsInput)
    .output(z.array(rollRunView))
    .query(({ ctx, input }) => listRollRuns(ctx.db, input.limit)),
});
