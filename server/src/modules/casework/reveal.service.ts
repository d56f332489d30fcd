import { errorMessage } from '@arrears/shared/errors/messages';
import type { SessionUser } from '@arrears/shared/schemas/auth';
import type { revealContactInput } from '@arrears/shared/schemas/casework';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database, Transaction } from '../../db/client.ts';
import { contactPoints, debtors, thirdParties } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findCaseInScope } from '../case-core/case-core.service.ts';

interface Revealed {
  value: string | null;
  entityType: 'contact_point' | 'third_party' | 'debtor';
  entityId: string;
  what: string;
}

/**
 * Answers one unmasked value and keeps an audit event of who saw what, in the same transaction: if the event
 * cannot be written, nothing is revealed. The event names the record and field, never the value itself.
 */
export async function revealContact(
  db: Database,
  options: { user: SessionUser; input: z.output<typeof revealContactInput>; now: Date; ip: string | null },
): Promise<{ value: string | null; revealedAt: string }> {
  const { user, input, now } = options;
  return db.transaction(async (tx) => {
    const caseRow = await findCaseInScope(tx, user, input.caseId);
    const revealed = await lookUp(tx, caseRow.debtorId, input);
    await recordAudit(tx, {
      actorId: user.id,
      action: 'casework.reveal',
      entityType: revealed.entityType,
      entityId: revealed.entityId,
      caseId: caseRow.id,
      after: { revealed: revealed.what, at: now.toISOString() },
      ip: options.ip,
    });
    return { value: revealed.value, revealedAt: now.toISOString() };
  });
}

/** The value asked for, among this debtor's records only: another debtor's id answers NOT_FOUND. */
async function lookUp(
  tx: Transaction,
  debtorId: string,
  input: z.output<typeof revealContactInput>,
): Promise<Revealed> {
  if (input.contactPointId !== undefined) {
    const [point] = await tx
      .select({ value: contactPoints.value, kind: contactPoints.kind })
      .from(contactPoints)
      .where(and(eq(contactPoints.id, input.contactPointId), eq(contactPoints.debtorId, debtorId)));
    if (!point) throw new AppError('NOT_FOUND', errorMessage('contactPoint.notFound'));
    return {
      value: point.value,
      entityType: 'contact_point',
      entityId: input.contactPointId,
      what: point.kind,
    };
  }
  if (input.thirdPartyId !== undefined) {
    const [person] = await tx
      .select({ phone: thirdParties.phone })
      .from(thirdParties)
      .where(and(eq(thirdParties.id, input.thirdPartyId), eq(thirdParties.debtorId, debtorId)));
    if (!person) throw new AppError('NOT_FOUND', errorMessage('thirdParty.notFound'));
    return { value: person.phone, entityType: 'third_party', entityId: input.thirdPartyId, what: 'phone' };
  }
  const [debtor] = await tx
    .select({ dateOfBirth: debtors.dateOfBirth })
    .from(debtors)
    .where(eq(debtors.id, debtorId));
  return {
    value: debtor?.dateOfBirth ?? null,
    entityType: 'debtor',
    entityId: debtorId,
    what: 'dateOfBirth',
  };
}
