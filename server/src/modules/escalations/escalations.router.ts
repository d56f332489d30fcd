import {
  agencyPlacementOutput,
  escalationDecideInput,
  escalationRequestInput,
  escalationView,
  fieldVisitOutput,
  fileLegalActionInput,
  legalActionOutput,
  placeWithAgencyInput,
  scheduleFieldVisitInput,
} from '@arrears/shared/schemas/escalations';
import { router } from '../../trpc/init.ts';
import { keyedMutation } from '../../trpc/procedures.ts';
import { placeWithAgency } from './agency-placement.service.ts';
import { decideEscalation, requestEscalation } from './escalations.service.ts';
import { scheduleFieldVisit } from './field-visit.service.ts';
import { fileLegalAction } from './legal-action.service.ts';

/** Climbing the collection ladder: requests, a supervisor's decision, and the guarded escalations. */
export const escalationsRouter = router({
  /** An agent or supervisor asks for an agency placement, field visit or legal filing on a case in scope. */
  request: keyedMutation('case:work', escalationRequestInput, escalationView, requestEscalation),

  /** A supervisor approves or rejects a pending request on a case of their teams. */
  decide: keyedMutation('escalation:approve', escalationDecideInput, escalationView, decideEscalation),

  scheduleFieldVisit: keyedMutation(
    'case:work',
    scheduleFieldVisitInput,
    fieldVisitOutput,
    scheduleFieldVisit,
  ),

  placeWithAgency: keyedMutation('case:work', placeWithAgencyInput, agencyPlacementOutput, placeWithAgency),

  fileLegalAction: keyedMutation('case:work', fileLegalActionInput, legalActionOutput, fileLegalAction),
});
