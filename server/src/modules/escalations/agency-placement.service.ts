import type { placeWithAgencyInput } from '@arrears/shared/schemas/escalations';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { agencies, agencyPlacements } from '../../db/schema/index.ts';
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

/** Places the case with an outside agency at its current balance and the agency's commission. */
export async function placeWithAgency(
  db: Database,
  { user, input, now, ip }: LadderOptions<z.output<typeof placeWithAgencyInput>>,
): Promise<LadderOutput<'placementId'>> {
  // Read while the action is validated, used when it is recorded.
  let commissionBps = 0;
  const result = await runGuarded(db, {
    actor: user,
    caseId: input.caseId,
    now,
    expectedVersion: input.expectedVersion,
    action: async (tx) => {
      const [agency] = await tx.select().from(agencies).where(eq(agencies.id, input.agencyId));
      if (!agency) throw new AppError('NOT_FOUND', 'Agency not found');
      const [active] = await tx
        .select({ id: agencyPlacements.id })
        .from(agencyPlacements)
        .where(and(eq(agencyPlacements.caseId, input.caseId), eq(agencyPlacements.status, 'placed')));
      if (active)
        throw new AppError('CONFLICT', 'The case is already placed with an agency; recall it first');
      commissionBps = agency.commissionBps;
      return { kind: 'agency_placement' };
    },
    record: async (tx, { caseFacts, decisionId }) => {
      const { caseRow } = caseFacts;
      const approval = approvalFor(caseFacts, 'agency_placement');
      const [placement] = await tx
        .insert(agencyPlacements)
        .values({
          caseId: caseRow.id,
          agencyId: input.agencyId,
          balanceAtPlacementMinor: caseRow.balanceMinor,
          currency: caseRow.currency,
          commissionBps,
          placedBy: user.id,
          approvedBy: approval?.decidedBy ?? null,
          placedAt: now,
        })
        .returning({ id: agencyPlacements.id });
      await consumeApproval(tx, approval, placement!.id, now);
      const after = {
        agencyId: input.agencyId,
        balanceMinor: caseRow.balanceMinor,
        commissionBps,
        decisionId,
        approvalId: approval?.id ?? null,
      };
      await recordAudit(tx, {
        actorId: user.id,
        action: 'agency.place',
        entityType: 'agency_placement',
        entityId: placement!.id,
        caseId: caseRow.id,
        after,
        ip,
      });
      return { value: placement!.id, caseChanges: climb(caseFacts, 'agency') };
    },
  });
  return ladderOutput('placementId', result);
}
