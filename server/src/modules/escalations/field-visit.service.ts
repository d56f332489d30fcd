import type { scheduleFieldVisitInput } from '@arrears/shared/schemas/escalations';
import type { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { fieldVisits } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { runGuarded } from '../compliance/compliance.service.ts';
import {
  approvalFor,
  climb,
  consumeApproval,
  type LadderOptions,
  type LadderOutput,
  ladderOutput,
} from './ladder.ts';

/** A home or work visit, judged at its slot (time of day, visits per 30 days) rather than at booking. */
export async function scheduleFieldVisit(
  db: Database,
  { user, input, now, ip }: LadderOptions<z.output<typeof scheduleFieldVisitInput>>,
): Promise<LadderOutput<'visitId'>> {
  const at = new Date(input.scheduledFor);
  if (at <= now) throw new AppError('INVALID_INPUT', 'scheduledFor: a visit must be scheduled in the future');
  const result = await runGuarded(db, {
    actor: user,
    caseId: input.caseId,
    now,
    at,
    expectedVersion: input.expectedVersion,
    action: () => ({
      kind: 'field_visit',
      contactPointId: input.addressId,
      recordingRef: input.recordingRef ?? null,
    }),
    record: async (tx, { caseFacts, decisionId }) => {
      const approval = approvalFor(caseFacts, 'field_visit');
      const [visit] = await tx
        .insert(fieldVisits)
        .values({
          caseId: input.caseId,
          addressId: input.addressId,
          scheduledFor: at,
          approvedBy: approval?.decidedBy ?? null,
          recordingRef: input.recordingRef ?? null,
          createdBy: user.id,
        })
        .returning({ id: fieldVisits.id });
      await consumeApproval(tx, approval, visit!.id, now);
      const after = {
        scheduledFor: at.toISOString(),
        addressId: input.addressId,
        decisionId,
        approvalId: approval?.id ?? null,
      };
      await recordAudit(tx, {
        actorId: user.id,
        action: 'field_visit.schedule',
        entityType: 'field_visit',
        entityId: visit!.id,
        caseId: input.caseId,
        after,
        ip,
      });
      return { value: visit!.id, caseChanges: climb(caseFacts, 'field') };
    },
  });
  return ladderOutput('visitId', result);
}
