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
import { keyedMutation, permissionProcedure } from '../../trpc/procedures.ts';
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
  list: permissionProcedure('compliance:audit')
    .input(z.object({}).optional())
    .output(z.array(agencyView))
    .query(({ ctx }) => listAgencies(ctx.db, ctx.user)),

  /** The agencies an approved placement can go to, for the agent's placement form (names and rates only). */
  choices: permissionProcedure('case:work')
    .input(z.object({}).optional())
    .output(z.array(agencyChoice))
    .query(({ ctx }) => agencyChoices(ctx.db)),

  create: keyedMutation('admin:manage', createAgencyInput, agencyView, createAgency),

  update: permissionProcedure('admin:manage')
    .input(updateAgencyInput)
    .output(z.object({ id: z.string().uuid(), commissionBps: z.number().int() }))
    .mutation(({ ctx, input }) =>
      updateAgency(ctx.db, { user: ctx.user, input, now: ctx.now(), ip: ctx.ip }),
    ),

  placements: permissionProcedure('compliance:audit')
    .input(listPlacementsInput)
    .output(placementsPage)
    .query(({ ctx, input }) => listPlacements(ctx.db, ctx.user, input)),

  recall: keyedMutation('team:supervise', recallPlacementInput, placementView, recallPlacement),

  recordPayment: keyedMutation(
    'team:supervise',
    recordAgencyPaymentInput,
    agencyPaymentOutput,
    recordAgencyPayment,
  ),
});
