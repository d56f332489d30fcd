import { errorMessage } from '@arrears/shared/errors/messages';
import type { SessionUser } from '@arrears/shared/schemas/auth';
import type {
  CaseEventOutput,
  recordDisputeInput,
  recordVerificationSentInput,
} from '@arrears/shared/schemas/casework';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { cases, disputes } from '../../db/schema/index.ts';
import { AppError, invalidField } from '../../errors.ts';
import { caseScope } from '../case-core/case-core.service.ts';
import { caseEvent, conflict, type EventOptions, pastInstant, writeCaseEvent } from './case-event.ts';

/**
 * A dispute pauses collection of the debt until verification is sent (US-FDCPA-DISPUTE), a request for the
 * original creditor's name and address until the answer is (US-FDCPA-ORIGCRED). One of each waits at a time: a
 * second while the first is open adds nothing the engine would read.
 */
export const recordDispute = caseEvent<z.output<typeof recordDisputeInput>>(({ input, now, user }) => {
  const receivedAt = pastInstant('receivedAt', input.receivedAt, now);
  return {
    reach: 'case',
    effectiveAt: { field: 'receivedAt', at: receivedAt },
    write: async (tx, caseRow) => {
      const [open] = await tx
        .select({ receivedAt: disputes.receivedAt })
        .from(disputes)
        .where(
          and(
            eq(disputes.caseId, caseRow.id),
            eq(disputes.subject, input.subject),
            isNull(disputes.verificationSentAt),
          ),
        )
        .orderBy(desc(disputes.receivedAt))
        .limit(1);
      if (open) {
        throw conflict(
          errorMessage('dispute.awaitingVerification', { receivedAt: open.receivedAt.toISOString() }),
        );
      }
      const [row] = await tx
        .insert(disputes)
        .values({
          caseId: caseRow.id,
          receivedAt,
          subject: input.subject,
          reason: input.reason,
          recordedBy: user.id,
        })
        .returning({ id: disputes.id });
      return {
        action: 'casework.dispute',
        entityType: 'dispute',
        entityId: row!.id,
        after: {
          at: now.toISOString(),
          effectiveAt: receivedAt.toISOString(),
          subject: input.subject,
          reason: input.reason,
        },
      };
    },
  };
});

/**
 * Verification was sent outside the workbench (e.g. mailed by the creditor): collection may resume. Sending a
 * validation notice or the statement of the debt through the workbench records this by itself.
 */
export async function recordVerificationSent(
  db: Database,
  options: EventOptions<z.output<typeof recordVerificationSentInput>>,
): Promise<CaseEventOutput> {
  const { input, now } = options;
  const sentAt = pastInstant('sentAt', input.sentAt, now);
  const caseId = await disputeCase(db, options.user, input.disputeId);
  return writeCaseEvent(db, {
    ...options,
    caseId,
    expectedVersion: input.expectedVersion,
    reach: 'case',
    effectiveAt: { field: 'sentAt', at: sentAt },
    write: async (tx) => {
      const [dispute] = await tx.select().from(disputes).where(eq(disputes.id, input.disputeId));
      if (dispute!.verificationSentAt) {
        throw conflict(
          errorMessage('dispute.verificationAlreadySent', {
            sentAt: dispute!.verificationSentAt.toISOString(),
          }),
        );
      }
      if (sentAt < dispute!.receivedAt) {
        throw invalidField('sentAt', errorMessage('dispute.verificationBeforeReceipt'));
      }
      await tx.update(disputes).set({ verificationSentAt: sentAt }).where(eq(disputes.id, input.disputeId));
      return {
        action: 'casework.verificationSent',
        entityType: 'dispute',
        entityId: input.disputeId,
        after: { at: now.toISOString(), effectiveAt: sentAt.toISOString() },
      };
    },
  });
}

/** The case of a dispute the user may see; another team's dispute looks like a missing one. */
async function disputeCase(db: Database, user: SessionUser, disputeId: string): Promise<string> {
  const [row] = await db
    .select({ caseId: disputes.caseId })
    .from(disputes)
    .innerJoin(cases, eq(cases.id, disputes.caseId))
    .where(and(eq(disputes.id, disputeId), caseScope(user)));
  if (!row) throw new AppError('NOT_FOUND', errorMessage('dispute.notFound'));
  return row.caseId;
}
