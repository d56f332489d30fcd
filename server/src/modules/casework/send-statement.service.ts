import type { Disclosure } from '@arrears/shared/compliance/actions';
import type { SessionUser } from '@arrears/shared/schemas/auth';
import type { sendStatementInput } from '@arrears/shared/schemas/casework';
import type { ContactRecordedOutput } from '@arrears/shared/schemas/contacts';
import type { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { checkVersion } from '../case-core/case-core.service.ts';
import { sendMessage } from '../contacts/messages.service.ts';
import { buildStatement } from './statement.service.ts';
import { statementText } from './statement-letter.ts';

/**
 * Sends the statement of the debt as a letter or email with purpose `debt_statement`, in the debtor's
 * languages (debtorLanguages), through the same guard as every message: it may go out during a dispute and,
 * once sent, is the verification that ends it; a cease request or a bankruptcy still stops it. The send is pinned to the version the statement was read at, so a
 * payment recorded in between refuses it (STALE_VERSION) rather than mail an outdated balance.
 */
export async function sendStatement(
  db: Database,
  options: { user: SessionUser; input: z.output<typeof sendStatementInput>; now: Date },
): Promise<ContactRecordedOutput> {
  const { user, input, now } = options;
  const { statement, version, languages } = await buildStatement(db, { user, caseId: input.caseId, now });
  checkVersion(version, input.expectedVersion);
  const disclosures: Disclosure[] =
    input.channel === 'email' ? ['mini_miranda_initial', 'opt_out'] : ['mini_miranda_initial'];
  return sendMessage(db, {
    user,
    now,
    input: {
      caseId: input.caseId,
      contactPointId: input.contactPointId,
      channel: input.channel,
      purpose: 'debt_statement',
      body: statementText(statement, input.channel, languages),
      disclosures,
      expectedVersion: version,
      idempotencyKey: input.idempotencyKey,
    },
  });
}
