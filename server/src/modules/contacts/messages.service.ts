import { DISCLOSURES, type Disclosure } from '@arrears/shared/compliance/actions';
import { errorMessage } from '@arrears/shared/errors/messages';
import type { SessionUser } from '@arrears/shared/schemas/auth';
import type { ContactRecordedOutput, sendMessageInput } from '@arrears/shared/schemas/contacts';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database, Transaction } from '../../db/client.ts';
import { messageTemplates } from '../../db/schema/index.ts';
import { AppError, invalidField } from '../../errors.ts';
import type { CaseFacts } from '../case-core/case-core.service.ts';
import { guardContact } from './contacts.service.ts';

type SendMessageInput = z.output<typeof sendMessageInput>;

/**
 * Records an SMS, email, letter or app push as sent (delivery is the workbench's job). The disclosures that
 * count are the template's when one is named: a client cannot claim wording the template does not carry.
 */
export function sendMessage(
  db: Database,
  options: { user: SessionUser; input: SendMessageInput; now: Date },
): Promise<ContactRecordedOutput> {
  const { input, now } = options;
  return guardContact(db, options, {
    action: async (tx, caseFacts) => {
      const message = input.templateId
        ? await templateContent(tx, input, caseFacts)
        : { purpose: input.purpose, disclosures: input.disclosures };
      return { kind: input.channel, contactPointId: destination(input, caseFacts), message };
    },
    entry: ({ facts }) => {
      const { contactPointId, message } = facts.action;
      return {
        kind: input.channel,
        direction: 'outbound',
        outcome: 'sent',
        occurredAt: now,
        contactPointId,
        purpose: message?.purpose ?? input.purpose,
        disclosures: message?.disclosures ?? [],
        templateId: input.templateId ?? null,
        body: input.body,
      };
    },
  });
}

/** SMS, email and push name their contact point; a letter without one goes to the home address on file. */
function destination(input: SendMessageInput, caseFacts: CaseFacts): string {
  if (input.contactPointId) return input.contactPointId;
  if (input.channel !== 'letter') {
    throw invalidField(
      'contactPointId',
      errorMessage('message.needsContactPoint', { channel: input.channel }),
    );
  }
  const home = caseFacts.contactPoints.find((p) => p.kind === 'home_address');
  if (!home) throw invalidField('contactPointId', errorMessage('message.noHomeAddress'));
  return home.id;
}

/** The template's purpose and declared disclosures, checked against the case's portfolio and the channel. */
export async function templateContent(
  tx: Transaction,
  input: Pick<SendMessageInput, 'templateId' | 'channel'>,
  caseFacts: CaseFacts,
) {
  const [template] = await tx
    .select()
    .from(messageTemplates)
    .where(and(eq(messageTemplates.id, input.templateId!), eq(messageTemplates.active, true)));
  const portfolioId = caseFacts.portfolio.id;
  if (!template || (template.portfolioId !== null && template.portfolioId !== portfolioId)) {
    throw new AppError('NOT_FOUND', errorMessage('template.notFound'));
  }
  if (template.channel !== input.channel) {
    throw invalidField(
      'templateId',
      errorMessage('template.wrongChannel', { templateChannel: template.channel, channel: input.channel }),
    );
  }
  const known = new Set<string>(DISCLOSURES);
  return {
    purpose: template.purpose,
    disclosures: template.disclosures.filter((d): d is Disclosure => known.has(d)),
  };
}
