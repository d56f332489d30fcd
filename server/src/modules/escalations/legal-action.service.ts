import { errorMessage } from '@arrears/shared/errors/messages';
import type { fileLegalActionInput } from '@arrears/shared/schemas/escalations';
import type { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { legalActions } from '../../db/schema/index.ts';
import { invalidField } from '../../errors.ts';
import { climbRung, type LadderOptions, type LadderOutput } from './ladder.ts';

/** Files a suit; US-REGF-TBD refuses a time-barred debt and the claim may not exceed what is owed. */
export function fileLegalAction(
  db: Database,
  options: LadderOptions<z.output<typeof fileLegalActionInput>>,
): Promise<LadderOutput<'legalActionId'>> {
  const { user, input, now } = options;
  return climbRung(db, options, {
    key: 'legalActionId',
    kind: 'legal_filing',
    stage: 'legal',
    action: (_tx, { caseRow }) => {
      if (input.claimMinor > caseRow.balanceMinor) {
        throw invalidField(
          'claimMinor',
          errorMessage('legal.claimAboveBalance', {
            balance: caseRow.balanceMinor,
            currency: caseRow.currency,
          }),
        );
      }
      return { kind: 'legal_filing' };
    },
    write: async (tx, { caseRow }, approval) => {
      const [filing] = await tx
        .insert(legalActions)
        .values({
          caseId: caseRow.id,
          court: input.court,
          status: 'filed',
          claimMinor: input.claimMinor,
          currency: caseRow.currency,
          approvedBy: approval?.decidedBy ?? null,
          filedAt: now,
          createdBy: user.id,
        })
        .returning({ id: legalActions.id });
      return { id: filing!.id, after: { court: input.court, claimMinor: input.claimMinor } };
    },
    audit: { action: 'legal.file', entityType: 'legal_action' },
  });
}
