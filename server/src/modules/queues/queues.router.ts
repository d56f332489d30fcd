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
import { permissionProcedure, perUserRate } from '../../trpc/procedures.ts';
import type { RatePolicy } from '../limits/limits.service.ts';
import { nextCase, releaseClaim } from './next-case.ts';
import { listQueue, queueCounts } from './queues.service.ts';

/**
 * Each press claims a case: a person presses a few times in a row at most, then works the case. Five at once, then
 * one every four seconds, keeps a script from claiming a team's pool in seconds (decision 018).
 */
export const NEXT_CASE_RATE: RatePolicy = { burst: 5, intervalMs: 4_000 };

/** The agent's work queues and "next case" (decision record 007). */
export const queuesRouter = router({
  /** A page of one queue, sorted on the server; a supervisor may pass an agent of a team they run. */
  list: permissionProcedure('case:work')
    .input(queueListInput)
    .output(queueListOutput)
    .query(({ ctx, input }) => listQueue(ctx.db, { user: ctx.user, input, now: ctx.now() })),

  /** How many cases each queue holds, for the sidebar. */
  counts: permissionProcedure('case:work')
    .input(queueCountsInput)
    .output(queueCountsOutput)
    .query(({ ctx, input }) => queueCounts(ctx.db, { user: ctx.user, input, now: ctx.now() })),

  /** Claims the highest-priority case the agent can call now, or says when the next one opens. */
  next: permissionProcedure('queue:take')
    .use(perUserRate('queues.next', NEXT_CASE_RATE, 'queue.nextTooOften'))
    .input(z.void())
    .output(nextCaseOutput)
    .mutation(({ ctx }) => nextCase(ctx.db, { user: ctx.user, now: ctx.now() })),

  /** Gives up the agent's claim on a case before it expires. */
  release: permissionProcedure('queue:take')
    .input(releaseClaimInput)
    .output(releaseClaimOutput)
    .mutation(async ({ ctx, input }) => {
      await releaseClaim(ctx.db, ctx.user, input.caseId);
      return { released: true as const };
    }),
});
