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
import { keyedMutation, plainMutation, scopedQuery, userQuery } from '../../trpc/procedures.ts';
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
  list: userQuery('compliance:audit', z.array(agencyView), listAgencies),

  /** The agencies an approved placement can go to, for the agent's placement form (names and rates only). */
  choices: userQuery('case:work', z.array(agencyChoice), agencyChoices),

  create: keyedMutation('admin:manage', createAgencyInput, agencyView, createAgency),

  update: plainMutation(
    'admin:manage',
    updateAgencyInput,
    z.object({ id: z.string().uuid(), commissionBps: z.number().int() }),
    updateAgency,
  ),

  placements: scopedQuery('compliance:audit', listPlacementsInput, placementsPage, listPlacements),

  recall: keyedMutation('team:supervise', recallPlacementInput, placementView, recallPlacement),

  recordPayment: keyedMutation(
    'team:supervise',
    recordAgencyPaymentInput,
    agencyPaymentOutput,
    recordAgencyPayment,
  ),
});
