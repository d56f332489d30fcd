import { errorMessage } from '@arrears/shared/errors/messages';
import type { placeWithAgencyInput } from '@arrears/shared/schemas/escalations';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { agencies, agencyPlacements } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { climbRung, type LadderOptions, type LadderOutput } from './ladder.ts';

/** Places the case with an outside agency at its current balance and the agency's commission. */
export function placeWithAgency(
  db: Database,
  options: LadderOptions<z.output<typeof placeWithAgencyInput>>,
): Promise<LadderOutput<'placementId'>> {
  const { user, input, now } = options;
  // Read while the action is validated, used when it is recorded.
  let commissionBps = 0;
  return climbRung(db, options, {
    key: 'placementId',
    kind: 'agency_placement',
    stage: 'agency',
    action: async (tx) => {
      const [agency] = await tx.select().from(agencies).where(eq(agencies.id, input.agencyId));
      if (!agency) throw new AppError('NOT_FOUND', errorMessage('agency.notFound'));
      const [active] = await tx
        .select({ id: agencyPlacements.id })
        .from(agencyPlacements)
        .where(and(eq(agencyPlacements.caseId, input.caseId), eq(agencyPlacements.status, 'placed')));
      if (active) throw new AppError('CONFLICT', errorMessage('agency.alreadyPlaced'));
      commissionBps = agency.commissionBps;
      return { kind: 'agency_placement' };
    },
    write: async (tx, { caseRow }, approval) => {
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
      const after = { agencyId: input.agencyId, balanceMinor: caseRow.balanceMinor, commissionBps };
      return { id: placement!.id, after };
    },
    audit: { action: 'agency.place', entityType: 'agency_placement' },
  });
}
