import type { ComplianceFacts } from '@arrears/shared/compliance/facts';
import type { EffectiveParameters } from '@arrears/shared/compliance/packs';
import type { EscalationKind } from '@arrears/shared/domain/enums';
import { errorMessage } from '@arrears/shared/errors/messages';
import type { SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { thirdParties } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import type { CaseRow, ContactPointRow, DebtorRow, DisputeRow } from './facts.mapping.ts';
import { loadCaseAtOnce } from './facts-at-once.ts';

/** A supervisor's approval still usable (decision record 026): the escalation request it was given on. */
export interface Approval {
  id: string;
  kind: EscalationKind;
  decidedBy: string | null;
}

/** One case with everything the engine needs about it, except the proposed action and its instant. */
export interface CaseFacts {
  caseRow: CaseRow;
  debtor: DebtorRow;
  portfolio: { id: string; ruleParametersVersion: number };
  contactPoints: ContactPointRow[];
  /** Every dispute of the case, verified or not: judging a past instant needs the one open then. */
  disputes: DisputeRow[];
  approvals: Approval[];
  parameters: EffectiveParameters;
  base: Omit<ComplianceFacts, 'action' | 'now'>;
}

/**
 * The facts of one case, as a batch of one of the one facts loader (facts-at-once.ts: what is read and why), with
 * approvals still usable at `approvalsAt`, else `at` (decision record 026), and the debtor's live dial reservations
 * counted as calls. Null when the case does not exist; a
 * portfolio whose parameters cannot be applied is refused (PRECONDITION_FAILED): nothing is judged until an admin
 * fixes them.
 */
export async function loadCaseFacts(
  db: Executor,
  caseId: string,
  at: Date,
  approvalsAt?: Date,
): Promise<CaseFacts | null> {
  // What a change is judged by: live dial reservations count as the calls they are about to be.
  const options = approvalsAt ? { approvalsAt, reservations: true } : { reservations: true };
  return (await loadCaseFactsFor(db, caseId, at, options))?.facts ?? null;
}

/**
 * loadCaseFacts for a viewer, in the same one statement: only a case inside `scope` (null otherwise), and with
 * `thirdParties`, the debtor's third parties too (what the action preview offers).
 */
export async function loadCaseFactsFor(
  db: Executor,
  caseId: string,
  at: Date,
  options: { scope?: SQL; thirdParties?: boolean; approvalsAt?: Date; reservations?: boolean },
): Promise<{ facts: CaseFacts; thirdParties: Array<typeof thirdParties.$inferSelect> } | null> {
  const read = await loadCaseAtOnce(db, caseId, at, options);
  if (!read) return null;
  if (!read.loaded.ok)
    throw new AppError(
      'PRECONDITION_FAILED',
      errorMessage('case.rulesUnavailable', { detail: read.loaded.reason }),
    );
  return { facts: read.loaded.facts, thirdParties: read.thirdParties };
}
