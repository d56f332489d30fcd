import { errorMessage } from '@arrears/shared/errors/messages';
import type { SessionUser } from '@arrears/shared/schemas/auth';
import type { ReviewInput, ReviewView } from '@arrears/shared/schemas/oversight';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { cases, complianceDecisions, contactLog, reviews } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { caseScope } from '../cases/cases.service.ts';

/**
 * Marks a decision or a contact reviewed with a note: appends a review row (a newer one supersedes the older,
 * nothing is overwritten) and an audit event in the same transaction. A target outside the reviewer's scope
 * answers NOT_FOUND, like a missing one.
 */
export async function recordReview(
  db: Database,
  options: { user: SessionUser; input: ReviewInput; ip: string | null },
): Promise<ReviewView> {
  const { user, input } = options;
  return db.transaction(async (tx) => {
    const table = input.target === 'decision' ? complianceDecisions : contactLog;
    const [target] = await tx
      .select({ id: table.id, caseId: table.caseId })
      .from(table)
      .innerJoin(cases, eq(cases.id, table.caseId))
      .where(and(eq(table.id, input.id), caseScope(user)));
    if (!target) {
      throw new AppError(
        'NOT_FOUND',
        errorMessage(input.target === 'decision' ? 'review.decisionNotFound' : 'review.contactNotFound'),
      );
    }
    const [row] = await tx
      .insert(reviews)
      .values({
        decisionId: input.target === 'decision' ? input.id : null,
        contactId: input.target === 'contact' ? input.id : null,
        reviewerId: user.id,
        note: input.note,
      })
      .returning();
    await recordAudit(tx, {
      actorId: user.id,
      action: 'oversight.review',
      entityType: input.target === 'decision' ? 'compliance_decision' : 'contact',
      entityId: String(input.id),
      caseId: target.caseId,
      after: { reviewId: row!.id, note: input.note },
      ip: options.ip,
    });
    return {
      id: row!.id,
      reviewerId: user.id,
      reviewerName: user.name,
      note: row!.note,
      at: row!.createdAt.toISOString(),
    };
  });
}

/** The insight of a contact as it is recorded (compliance's contact log writer stamps it in the same statement). */
export { type InsightBasis, insightBasis, insightOf } from './insights.ts';
