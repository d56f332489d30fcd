import {
  agencyChoice,
  agencyPaymentOutput,
  agencyView,
  createAgencyInput,
  listPlacementsInput,
  placementsPage,
  placementView,
  recallPlacementInput,
  recordAgencyPaymentInput,
  updateAgencyInput,
} from '@arrears/shared/schemas/ladder';
import { z } from 'zod';
import { router } from '../../trpc/init.ts';
import {
  adminProcedure,
  caseWorkerProcedure,
  idempotent,
  oversightProcedure,
  supervisorProcedure,
} from '../../trpc/procedures.ts';
import {
  agencyChoices,
  createAgency,
  listAgencies,
  listPlacements,
  recallPlacement,
  recordAgencyPayment,
  updateAgency,
} from './agencies.service.ts';

/**
 * Outside agencies (ladder step 3). Admins keep the list and rates; supervisors, managers and admins read
 * placements in their scope; a supervisor recalls a placement and records what the agency collected. Placing a
 * case stays `escalations.placeWithAgency` (approval and the compliance guard).
 */
export const agenciesRouter = router({
  list: oversightProcedure
    .input(z.object({}).optional())
    .output(z.array(agencyView))
    .query(({ ctx }) => listAgencies(ctx.db, ctx.user)),

  /** The agencies an approved placement can go to, for the agent's placement form (names and rates only). */
  choices: caseWorkerProcedure
    .input(z.object({}).optional())
    .output(z.array(agencyChoice))
    .query(({ ctx }) => agencyChoices(ctx.db)),

  create: adminProcedure
    .input(createAgencyInput)
    .use(idempotent)
    .output(agencyView)
    .mutation(({ ctx, input }) =>
      createAgency(ctx.db, { user: ctx.user, input, now: ctx.now(), ip: ctx.ip }),
    ),

  update: adminProcedure
    .input(updateAgencyInput)
    .output(z.object({ id: z.string().uuid(), commissionBps: z.number().int() }))
    .mutation(({ ctx, input }) =>
      updateAgency(ctx.db, { user: ctx.user, input, now: ctx.now(), ip: ctx.ip }),
    ),

  placements: oversightProcedure
    .input(listPlacementsInput)
    .output(placementsPage)
    .query(({ ctx, input }) => listPlacements(ctx.db, ctx.user, input)),

  recall: supervisorProcedure
    .input(recallPlacementInput)
    .use(idempotent)
    .output(placementView)
    .mutation(({ ctx, input }) =>
      recallPlacement(ctx.db, { user: ctx.user, input, now: ctx.now(), ip: ctx.ip }),
    ),

  recordPayment: supervisorProcedure
    .input(recordAgencyPaymentInput)
    .use(idempotent)
    .output(agencyPaymentOutput)
    .mutation(({ ctx, input }) =>
      recordAgencyPayment(ctx.db, { user: ctx.user, input, now: ctx.now(), ip: ctx.ip }),
    ),
});
