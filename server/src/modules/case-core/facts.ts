import type { ComplianceFacts } from '@arrears/shared/compliance/facts';
import type { EffectiveParameters } from '@arrears/shared/compliance/packs';
import { DAY_MS } from '@arrears/shared/domain/calendar';
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
 * History read with the other facts before the portfolio's windows are known: every pack's default windows fit in
 * it (historyDays is 31, or 32 with Massachusetts' 30 days); a portfolio that lengthened a window beyond it costs a
 * second round trip. Rows before the case's own window are dropped, so the facts are the same either way.
 */
const EARLY_HISTORY_DAYS = 32;

/**
 * Gathers the facts of one case in one statement (queues/case-facts-at-once.ts): the case with its debtor and
 * portfolio, contact points (creation order), opt-outs, disputes, approvals still usable (at `approvalsAt`, else
 * `at`: decision record 026) and history. History is the debtor's
 * contact log (every debt: frequency is per person and principle 5 of docs/compliance/CATALOG.md needs conversations about other debts) inside the
 * longest rule window before `at`, every third-party contact ever (US-REGF-LOC is "once, ever"), and visits still on
 * the calendar (a completed visit is in the contact log). Null when the case does not exist; a portfolio whose
 * parameters cannot be applied is refused (PRECONDITION_FAILED): nothing is judged until an admin fixes them.
 */
export async function loadCaseFacts(
  db: Executor,
  caseId: string,
  at: Date,
  approvalsAt?: Date,
): Promise<CaseFacts | null> {
  return (await loadCaseFactsFor(db, caseId, at, approvalsAt ? { approvalsAt } : {}))?.facts ?? null;
}

/**
 * loadCaseFacts for a viewer, in the same one statement: only a case inside `scope` (null otherwise), and with
 * `thirdParties`, the debtor's third parties too (what the action preview offers).
 */
export async function loadCaseFactsFor(
  db: Executor,
  caseId: string,
  at: Date,
  options: { scope?: SQL; thirdParties?: boolean; approvalsAt?: Date },
): Promise<{ facts: CaseFacts; thirdParties: Array<typeof thirdParties.$inferSelect> } | null> {
  const read = await loadCaseAtOnce(db, caseId, at, {
    historySince: new Date(at.getTime() - EARLY_HISTORY_DAYS * DAY_MS),
    ...options,
  });
  if (!read) return null;
  if (!read.loaded.ok)
    throw new AppError(
      'PRECONDITION_FAILED',
      errorMessage('case.rulesUnavailable', { detail: read.loaded.reason }),
    );
  return { facts: read.loaded.facts, thirdParties: read.thirdParties };
}
