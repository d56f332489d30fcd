import { type EscalationKind, LADDER_STAGES, type LadderStage } from '@arrears/shared/domain/enums';
import { errorMessage } from '@arrears/shared/errors/messages';
import type { SessionUser } from '@arrears/shared/schemas/auth';
import { and, eq } from 'drizzle-orm';
import type { Database, Transaction } from '../../db/client.ts';
import { escalationRequests } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Approval, CaseChanges, CaseFacts } from '../case-core/case-core.service.ts';
import { liveApproval } from '../case-core/case-core.service.ts';
import { type GuardedRequest, type GuardedResult, guardAction } from '../compliance/compliance.service.ts';

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
    throw new AppError('CONFLICT', errorMessage('escalation.approvalUsed'));
  }
}

export function ladderOutput<Key extends string>(key: Key, result: GuardedResult<string>): LadderOutput<Key> {
  const { value, ...rest } = result;
  return { ...rest, [key]: value } as LadderOutput<Key>;
}

/** A step up the ladder: what differs between placing with an agency, filing a suit and booking a visit. */
export interface Rung<Key extends string> {
  /** The key the new row's id is answered under. */
  key: Key;
  /** The escalation its approval (POL-APPROVAL) was asked for. */
  kind: EscalationKind;
  /** Where the case climbs to. */
  stage: LadderStage;
  /** The instant the step takes place, when not now (a visit's slot). */
  at?: Date;
  /** The action the guard judges; it may refuse bad input first. */
  action: GuardedRequest<string>['action'];
  /** Writes the step's row, given the approval used for it; answers its id and what its audit entry says of it. */
  write: (
    tx: Transaction,
    caseFacts: CaseFacts,
    approval: Approval | null,
  ) => Promise<{ id: string; after: Record<string, unknown> }>;
  /** The audit entry's action and entity type. */
  audit: { action: string; entityType: string };
}

/**
 * Takes a step up the ladder through the guard: the step is written with the approval the guard accepted, the
 * approval used up, the step audited with its decision and approval, and the case climbs.
 */
export async function climbRung<Key extends string>(
  db: Database,
  { user, input, now, ip }: LadderOptions<{ caseId: string; expectedVersion?: number | undefined }>,
  rung: Rung<Key>,
): Promise<LadderOutput<Key>> {
  const result = await guardAction(db, {
    actor: user,
    caseId: input.caseId,
    now,
    ...(rung.at === undefined ? {} : { at: rung.at }),
    expectedVersion: input.expectedVersion,
    action: rung.action,
    record: async (tx, { caseFacts, decisionId }) => {
      const approval = approvalFor(caseFacts, rung.kind);
      const { id, after } = await rung.write(tx, caseFacts, approval);
      await consumeApproval(tx, approval, id, now);
      await recordAudit(tx, {
        actorId: user.id,
        ...rung.audit,
        entityId: id,
        caseId: input.caseId,
        after: { ...after, decisionId, approvalId: approval?.id ?? null },
        ip,
      });
      return { value: id, caseChanges: climb(caseFacts, rung.stage) };
    },
  });
  return ladderOutput(rung.key, result);
}
