import {
  addNoteInput,
  caseDetail,
  caseEventOutput,
  caseRefInput,
  recordAttorneyInput,
  recordBankruptcyInput,
  recordCeaseInput,
  recordComplaintInput,
  recordDeathInput,
  recordDisputeInput,
  recordOptOutInput,
  recordVerificationSentInput,
  revealContactInput,
  revealContactOutput,
  revokeConsentInput,
  scheduleCallbackInput,
  sendStatementInput,
  sendStatementOutput,
  setHoldInput,
  statementOutput,
  timelineInput,
  timelineOutput,
} from '@arrears/shared/schemas/casework';
import type { Context } from '../../trpc/context.ts';
import { router } from '../../trpc/init.ts';
import { idempotent, permissionProcedure } from '../../trpc/procedures.ts';
import { addNote, recordComplaint, scheduleCallback, setHold } from './case-events.service.ts';
import { getCaseDetail } from './case-view.service.ts';
import { recordAttorney, recordBankruptcy, recordCease, recordDeath } from './debtor-flags.service.ts';
import { recordDispute, recordVerificationSent } from './disputes.service.ts';
import { recordOptOut, revokeConsent } from './preferences.service.ts';
import { revealContact } from './reveal.service.ts';
import { sendStatement } from './send-statement.service.ts';
import { buildStatement } from './statement.service.ts';
import { caseTimeline } from './timeline.service.ts';

type SignedIn = Context & { user: NonNullable<Context['user']> };
/** The options every case event takes, from the request. */
const event = <Input>(ctx: SignedIn, input: Input) => ({ user: ctx.user, input, now: ctx.now(), ip: ctx.ip });

/**
 * The case screen and the debtor's rights. Reads are open to whoever can see the case (managers and admins
 * included); events are recorded by the agents and supervisors who work it; out of scope answers NOT_FOUND.
 */
export const caseworkRouter = router({
  /** Everything the case screen shows, personal data masked. */
  get: permissionProcedure('case:read')
    .input(caseRefInput)
    .output(caseDetail)
    .query(({ ctx, input }) =>
      getCaseDetail(ctx.db, { user: ctx.user, caseId: input.caseId, now: ctx.now() }),
    ),

  /** One unmasked value; the reveal is an audit event in the same transaction. */
  revealContact: permissionProcedure('case:work')
    .input(revealContactInput)
    .use(idempotent)
    .output(revealContactOutput)
    .mutation(({ ctx, input }) => revealContact(ctx.db, event(ctx, input))),

  /** The case's history, newest first, cursor-paged. */
  timeline: permissionProcedure('case:read')
    .input(timelineInput)
    .output(timelineOutput)
    .query(({ ctx, input }) => caseTimeline(ctx.db, { user: ctx.user, input })),

  recordDispute: permissionProcedure('case:work')
    .input(recordDisputeInput)
    .use(idempotent)
    .output(caseEventOutput)
    .mutation(({ ctx, input }) => recordDispute(ctx.db, event(ctx, input))),
  recordVerificationSent: permissionProcedure('case:work')
    .input(recordVerificationSentInput)
    .use(idempotent)
    .output(caseEventOutput)
    .mutation(({ ctx, input }) => recordVerificationSent(ctx.db, event(ctx, input))),
  recordCease: permissionProcedure('case:work')
    .input(recordCeaseInput)
    .use(idempotent)
    .output(caseEventOutput)
    .mutation(({ ctx, input }) => recordCease(ctx.db, event(ctx, input))),
  recordAttorney: permissionProcedure('case:work')
    .input(recordAttorneyInput)
    .use(idempotent)
    .output(caseEventOutput)
    .mutation(({ ctx, input }) => recordAttorney(ctx.db, event(ctx, input))),
  recordBankruptcy: permissionProcedure('case:work')
    .input(recordBankruptcyInput)
    .use(idempotent)
    .output(caseEventOutput)
    .mutation(({ ctx, input }) => recordBankruptcy(ctx.db, event(ctx, input))),
  recordDeath: permissionProcedure('case:work')
    .input(recordDeathInput)
    .use(idempotent)
    .output(caseEventOutput)
    .mutation(({ ctx, input }) => recordDeath(ctx.db, event(ctx, input))),
  recordOptOut: permissionProcedure('case:work')
    .input(recordOptOutInput)
    .use(idempotent)
    .output(caseEventOutput)
    .mutation(({ ctx, input }) => recordOptOut(ctx.db, event(ctx, input))),
  revokeConsent: permissionProcedure('case:work')
    .input(revokeConsentInput)
    .use(idempotent)
    .output(caseEventOutput)
    .mutation(({ ctx, input }) => revokeConsent(ctx.db, event(ctx, input))),
  recordComplaint: permissionProcedure('case:work')
    .input(recordComplaintInput)
    .use(idempotent)
    .output(caseEventOutput)
    .mutation(({ ctx, input }) => recordComplaint(ctx.db, event(ctx, input))),
  addNote: permissionProcedure('case:work')
    .input(addNoteInput)
    .use(idempotent)
    .output(caseEventOutput)
    .mutation(({ ctx, input }) => addNote(ctx.db, event(ctx, input))),
  scheduleCallback: permissionProcedure('case:work')
    .input(scheduleCallbackInput)
    .use(idempotent)
    .output(caseEventOutput)
    .mutation(({ ctx, input }) => scheduleCallback(ctx.db, event(ctx, input))),
  /** Only a supervisor holds a case (POL-HOLD) or lifts a hold. */
  setHold: permissionProcedure('team:supervise')
    .input(setHoldInput)
    .use(idempotent)
    .output(caseEventOutput)
    .mutation(({ ctx, input }) => setHold(ctx.db, event(ctx, input))),

  /** The statement of the debt from the ledger (right to know). */
  statement: permissionProcedure('case:read')
    .input(caseRefInput)
    .output(statementOutput)
    .query(async ({ ctx, input }) => {
      const { statement } = await buildStatement(ctx.db, {
        user: ctx.user,
        caseId: input.caseId,
        now: ctx.now(),
      });
      return statement;
    }),
  /** The statement sent as a letter or email through the compliance guard (purpose `debt_statement`). */
  sendStatement: permissionProcedure('case:work')
    .input(sendStatementInput)
    .use(idempotent)
    .output(sendStatementOutput)
    .mutation(({ ctx, input }) => sendStatement(ctx.db, { user: ctx.user, input, now: ctx.now() })),
});
