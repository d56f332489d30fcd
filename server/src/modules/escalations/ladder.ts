import { type EscalationKind, LADDER_STAGES, type LadderStage } from '@arrears/shared/domain/enums';
import type { SessionUser } from '@arrears/shared/schemas/auth';
import { and, eq } from 'drizzle-orm';
import type { Transaction } from '../../db/client.ts';
import { escalationRequests } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import type { Approval, CaseChanges, CaseFacts, GuardedResult } from '../compliance/compliance.service.ts';
import { liveApproval } from './live-approvals.ts';

/** What the escalation services share: their options, their answer, and where the case goes on the ladder. */
export interface LadderOptions<Input> {
  user: SessionUser;
  input: Input;
  now: Date;
  ip: string | null;
}

export type LadderOutput<Key extends string> = Omit<GuardedResult<string>, 'value'> & Record<Key, string>;

/** The ladder only climbs: a visit on a case already in court does not move it back to the field rung. */
export function climb(caseFacts: CaseFacts, stage: LadderStage): CaseChanges {
  const current = LADDER_STAGES.indexOf(caseFacts.caseRow.stage);
  return LADDER_STAGES.indexOf(stage) > current ? { stage } : {};
}

/**
 * The approval POL-APPROVAL accepted for this action: the oldest still usable of its kind (the facts list them
 * oldest first). Null when an override let the action through without one.
 */
export function approvalFor(caseFacts: CaseFacts, kind: EscalationKind): Approval | null {
  return caseFacts.approvals.find((a) => a.kind === kind) ?? null;
}

/**
 * Uses the approval up for the action just recorded, in the action's transaction (decision record 026): it allows one
 * action. The row is kept, with when and for what. The guard's debtor lock already orders two actions on a case,
 * so the second one no longer sees the approval; the condition here refuses anything that did not take that lock.
 */
export async function consumeApproval(
  tx: Transaction,
  approval: Approval | null,
  actionId: string,
  now: Date,
): Promise<void> {
  if (approval === null) return;
  const [used] = await tx
    .update(escalationRequests)
    .set({ consumedAt: now, consumedFor: actionId })
    .where(and(eq(escalationRequests.id, approval.id), liveApproval(now)))
    .returning({ id: escalationRequests.id });
  if (!used) {
    throw new AppError(
      'CONFLICT',
      "The supervisor's approval was already used by another action or has lapsed; request a new one",
    );
  }
}

export function ladderOutput<Key extends string>(key: Key, result: GuardedResult<string>): LadderOutput<Key> {
  const { value, ...rest } = result;
  return { ...rest, [key]: value } as LadderOutput<Key>;
}
