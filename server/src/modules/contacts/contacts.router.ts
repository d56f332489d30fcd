import {
  contactRecordedOutput,
  contactThirdPartyInput,
  logCallInput,
  sendMessageInput,
} from '@arrears/shared/schemas/contacts';
import { router } from '../../trpc/init.ts';
import { idempotent, permissionProcedure } from '../../trpc/procedures.ts';
import { contactThirdParty, logCall } from './contacts.service.ts';
import { sendMessage } from './messages.service.ts';

/** Contacts with or about the debtor; every outbound one goes through the compliance guard. */
export const contactsRouter = router({
  /** An agent or supervisor logs a call on a case in their scope; a blocked attempt answers BLOCKED_BY_RULE. */
  logCall: permissionProcedure('case:work')
    .input(logCallInput)
    .use(idempotent)
    .output(contactRecordedOutput)
    .mutation(({ ctx, input }) => logCall(ctx.db, { user: ctx.user, input, now: ctx.now() })),

  /** An SMS, email, letter or app push, recorded as sent once the guard lets it through. */
  sendMessage: permissionProcedure('case:work')
    .input(sendMessageInput)
    .use(idempotent)
    .output(contactRecordedOutput)
    .mutation(({ ctx, input }) => sendMessage(ctx.db, { user: ctx.user, input, now: ctx.now() })),

  /** A contact with a third party on file (location or, for the debtor's equivalents, collection). */
  contactThirdParty: permissionProcedure('case:work')
    .input(contactThirdPartyInput)
    .use(idempotent)
    .output(contactRecordedOutput)
    .mutation(({ ctx, input }) => contactThirdParty(ctx.db, { user: ctx.user, input, now: ctx.now() })),
});
