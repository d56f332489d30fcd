import {
  ladderPolicyView,
  listRollRunsInput,
  rollRunView,
  updateLadderPolicyInput,
} from '@arrears/shared/schemas/ladder';
import { z } from 'zod';
import { router } from '../../trpc/init.ts';
import { permissionProcedure, plainMutation, userQuery } from '../../trpc/procedures.ts';
import { listLadderPolicies, listRollRuns, updateLadderPolicy } from './policies.service.ts';

/** The ladder's rules per portfolio (admin) and what the nightly rolls did (supervisors, managers, admins). */
export const ladderRouter = router({
  policies: userQuery('admin:manage', z.array(ladderPolicyView), listLadderPolicies),

  updatePolicy: plainMutation('admin:manage', updateLadderPolicyInput, ladderPolicyView, updateLadderPolicy),

  runs: permissionProcedure('compliance:audit')
    .input(listRollRunsInput)
    .output(z.array(rollRunView))
    .query(({ ctx, input }) => listRollRuns(ctx.db, input.limit)),
});
