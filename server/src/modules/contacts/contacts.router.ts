import {
  contactRecordedOutput,
  contactThirdPartyInput,
  logCallInput,
  sendMessageInput,
} from '@arrears/shared/schemas/contacts';
import { router } from '../../trpc/init.ts';
import { keyedMutation } from '../../trpc/procedures.ts';
import { contactThirdParty, logCall } from './contacts.service.ts';
import { sendMessage } from './messages.service.ts';

/** Contacts with or about the debtor; every outbound one goes through the compliance guard. */
export const contactsRouter = router({
  /** An agent or supervisor logs a call on a case in their scope; a blocked attempt answers BLOCKED_BY_RULE. */
  logCall: keyedMutation('case:work', logCallInput, contactRecordedOutput, logCall),

  /** An SMS, email, letter or app push, recorded as sent once the guard lets it through. */
  sendMessage: keyedMutation('case:work', sendMessageInput, contactRecordedOutput, sendMessage),

  /** A contact with a third party on file (location or, for the debtor's equivalents, collection). */
  contactThirdParty: keyedMutation(
    'case:work',
    contactThirdPartyInput,
    contactRecordedOutput,
    contactThirdParty,
  ),
});
