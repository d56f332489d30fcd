import {
  nextCaseOutput,
  queueCountsInput,
  queueCountsOutput,
  queueListInput,
  queueListOutput,
  releaseClaimInput,
  releaseClaimOutput,
} from '@arrears/shared/schemas/queues';
import { z } from 'zod';
import { router } from '../../trpc/init.ts';
import { caseWorkerProcedure, roleProcedure } from '../../trpc/procedures.ts';
import { nextCase, releaseClaim } from './next-case.ts';
import { listQueue, queueCounts } from './queues.service.ts';

const agentProcedure = roleProcedure('agent');

/** The agent's work queues and "next case" (decision record 007). */
export const queuesRouter = router({
  /** A page of one queue, sorted on the server; a supervisor may pass an agent of a team they run. */
  list: caseWorkerProcedure
    .input(queueListInput)
    .output(queueListOutput)
    .query(({ ctx, input }) => listQueue(ctx.db, { user: ctx.user, input, now: ctx.now() })),

  /** How many cases each queue holds, for the sidebar. */
  counts: caseWorkerProcedure
    .input(queueCountsInput)
    .output(queueCountsOutput)
    .query(({ ctx, input }) => queueCounts(ctx.db, { user: ctx.user, input, now: ctx.now() })),

  /** Claims the highest-priority case the agent can call now, or says when the next one opens. */
  next: agentProcedure
    .input(z.void())
    .output(nextCaseOutput)
    .mutation(({ ctx }) => nextCase(ctx.db, { user: ctx.user, now: ctx.now() })),

  /** Gives up the agent's claim on a case before it expires. */
  release: agentProcedure
    .input(releaseClaimInput)
    .output(releaseClaimOutput)
    .mutation(async ({ ctx, input }) => {
      await releaseClaim(ctx.db, ctx.user, input.caseId);
      return { released: true as const };
    }),
});
