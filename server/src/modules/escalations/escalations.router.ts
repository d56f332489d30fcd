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
import { idempotent, permissionProcedure } from '../../trpc/procedures.ts';
import { placeWithAgency } from './agency-placement.service.ts';
import { decideEscalation, requestEscalation } from './escalations.service.ts';
import { scheduleFieldVisit } from './field-visit.service.ts';
import { fileLegalAction } from './legal-action.service.ts';

/** Climbing the collection ladder: requests, a supervisor's decision, and the guarded escalations. */
export const escalationsRouter = router({
  /** An agent or supervisor asks for an agency placement, field visit or legal filing on a case in scope. */
  request: permissionProcedure('case:work')
    .input(escalationRequestInput)
    .use(idempotent)
    .output(escalationView)
    .mutation(({ ctx, input }) =>
      requestEscalation(ctx.db, { user: ctx.user, input, now: ctx.now(), ip: ctx.ip }),
    ),

  /** A supervisor approves or rejects a pending request on a case of their teams. */
  decide: permissionProcedure('escalation:approve')
    .input(escalationDecideInput)
    .use(idempotent)
    .output(escalationView)
    .mutation(({ ctx, input }) =>
      decideEscalation(ctx.db, { user: ctx.user, input, now: ctx.now(), ip: ctx.ip }),
    ),

  scheduleFieldVisit: permissionProcedure('case:work')
    .input(scheduleFieldVisitInput)
    .use(idempotent)
    .output(fieldVisitOutput)
    .mutation(({ ctx, input }) =>
      scheduleFieldVisit(ctx.db, { user: ctx.user, input, now: ctx.now(), ip: ctx.ip }),
    ),

  placeWithAgency: permissionProcedure('case:work')
    .input(placeWithAgencyInput)
    .use(idempotent)
    .output(agencyPlacementOutput)
    .mutation(({ ctx, input }) =>
      placeWithAgency(ctx.db, { user: ctx.user, input, now: ctx.now(), ip: ctx.ip }),
    ),

  fileLegalAction: permissionProcedure('case:work')
    .input(fileLegalActionInput)
    .use(idempotent)
    .output(legalActionOutput)
    .mutation(({ ctx, input }) =>
      fileLegalAction(ctx.db, { user: ctx.user, input, now: ctx.now(), ip: ctx.ip }),
    ),
});
