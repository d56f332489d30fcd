import { LADDER_STAGES, type LadderStage } from '@arrears/shared/domain/enums';
import type { SessionUser } from '@arrears/shared/schemas/auth';
import type { CaseChanges } from '../compliance/case-lock.ts';
import type { CaseFacts } from '../compliance/facts.queries.ts';
import type { GuardedResult } from '../compliance/guard.ts';

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

/** The supervisor whose approval POL-APPROVAL accepted; null when an override let the action through. */
export function approver(caseFacts: CaseFacts, kind: string): string | null {
  return caseFacts.approvals.find((a) => a.kind === kind)?.decidedBy ?? null;
}

export function ladderOutput<Key extends string>(key: Key, result: GuardedResult<string>): LadderOutput<Key> {
  const { value, ...rest } = result;
  return { ...rest, [key]: value } as LadderOutput<Key>;
}
