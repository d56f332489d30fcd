import { errorMessage } from '@arrears/shared/errors/messages';
import type { scheduleFieldVisitInput } from '@arrears/shared/schemas/escalations';
import type { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { fieldVisits } from '../../db/schema/index.ts';
import { invalidField } from '../../errors.ts';
import { climbRung, type LadderOptions, type LadderOutput } from './ladder.ts';

/** A home or work visit, judged at its slot (time of day, visits per 30 days) rather than at booking. */
export async function scheduleFieldVisit(
  db: Database,
  options: LadderOptions<z.output<typeof scheduleFieldVisitInput>>,
): Promise<LadderOutput<'visitId'>> {
  const { user, input, now } = options;
  const at = new Date(input.scheduledFor);
  if (at <= now) throw invalidField('scheduledFor', errorMessage('visit.notInFuture'));
  return climbRung(db, options, {
    key: 'visitId',
    kind: 'field_visit',
    stage: 'field',
    at,
    action: () => ({
      kind: 'field_visit',
      contactPointId: input.addressId,
      recordingRef: input.recordingRef ?? null,
    }),
    write: async (tx, _caseFacts, approval) => {
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
      return { id: visit!.id, after: { scheduledFor: at.toISOString(), addressId: input.addressId } };
    },
    audit: { action: 'field_visit.schedule', entityType: 'field_visit' },
  });
}
