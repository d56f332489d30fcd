import {
  addNoteInput,
  caseDetail,
  caseEventOutput,
  caseRefInput,
  markUndeliverableInput,
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
import { router } from '../../trpc/init.ts';
import { keyedMutation, permissionProcedure } from '../../trpc/procedures.ts';
import { addNote, recordComplaint, scheduleCallback, setHold } from './case-events.service.ts';
import { getCaseDetail } from './case-view.service.ts';
import { recordAttorney, recordBankruptcy, recordCease, recordDeath } from './debtor-flags.service.ts';
import { recordDispute, recordVerificationSent } from './disputes.service.ts';
import { markUndeliverable, recordOptOut, revokeConsent } from './preferences.service.ts';
import { revealContact } from './reveal.service.ts';
import { sendStatement } from './send-statement.service.ts';
import { buildStatement } from './statement.service.ts';
import { caseTimeline } from './timeline.service.ts';

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
  revealContact: keyedMutation('case:work', revealContactInput, revealContactOutput, revealContact),

  /** The case's history, newest first, cursor-paged. */
  timeline: permissionProcedure('case:read')
    .input(timelineInput)
    .output(timelineOutput)
    .query(({ ctx, input }) => caseTimeline(ctx.db, { user: ctx.user, input })),

  recordDispute: keyedMutation('case:work', recordDisputeInput, caseEventOutput, recordDispute),
  recordVerificationSent: keyedMutation(
    'case:work',
    recordVerificationSentInput,
    caseEventOutput,
    recordVerificationSent,
  ),
  recordCease: keyedMutation('case:work', recordCeaseInput, caseEventOutput, recordCease),
  recordAttorney: keyedMutation('case:work', recordAttorneyInput, caseEventOutput, recordAttorney),
  recordBankruptcy: keyedMutation('case:work', recordBankruptcyInput, caseEventOutput, recordBankruptcy),
  recordDeath: keyedMutation('case:work', recordDeathInput, caseEventOutput, recordDeath),
  recordOptOut: keyedMutation('case:work', recordOptOutInput, caseEventOutput, recordOptOut),
  revokeConsent: keyedMutation('case:work', revokeConsentInput, caseEventOutput, revokeConsent),
  markUndeliverable: keyedMutation('case:work', markUndeliverableInput, caseEventOutput, markUndeliverable),
  recordComplaint: keyedMutation('case:work', recordComplaintInput, caseEventOutput, recordComplaint),
  addNote: keyedMutation('case:work', addNoteInput, caseEventOutput, addNote),
  scheduleCallback: keyedMutation('case:work', scheduleCallbackInput, caseEventOutput, scheduleCallback),
  /** Only a supervisor holds a case (POL-HOLD) or lifts a hold. */
  setHold: keyedMutation('team:supervise', setHoldInput, caseEventOutput, setHold),

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
  sendStatement: keyedMutation('case:work', sendStatementInput, sendStatementOutput, sendStatement),
});
