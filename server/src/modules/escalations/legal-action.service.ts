import type { fileLegalActionInput } from '@arrears/shared/schemas/escalations';
import type { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { legalActions } from '../../db/schema/index.ts';
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

/** Files a suit; US-REGF-TBD refuses a time-barred debt and the claim may not exceed what is owed. */
export async function fileLegalAction(
  db: Database,
  { user, input, now, ip }: LadderOptions<z.output<typeof fileLegalActionInput>>,
): Promise<LadderOutput<'legalActionId'>> {
  const result = await runGuarded(db, {
    actor: user,
    caseId: input.caseId,
    now,
    expectedVersion: input.expectedVersion,
    action: (_tx, { caseRow }) => {
      if (input.claimMinor > caseRow.balanceMinor) {
        throw new AppError(
          'INVALID_INPUT',
          `claimMinor: the claim exceeds the balance of ${caseRow.balanceMinor} ${caseRow.currency} minor units`,
        );
      }
      return { kind: 'legal_filing' };
    },
    record: async (tx, { caseFacts, decisionId }) => {
      const { caseRow } = caseFacts;
      const approval = approvalFor(caseFacts, 'legal_filing');
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
      await consumeApproval(tx, approval, filing!.id, now);
      const after = {
        court: input.court,
        claimMinor: input.claimMinor,
        decisionId,
        approvalId: approval?.id ?? null,
      };
      await recordAudit(tx, {
        actorId: user.id,
        action: 'legal.file',
        entityType: 'legal_action',
        entityId: filing!.id,
        caseId: caseRow.id,
        after,
        ip,
      });
      return { value: filing!.id, caseChanges: climb(caseFacts, 'legal') };
    },
  });
  return ladderOutput('legalActionId', result);
}
