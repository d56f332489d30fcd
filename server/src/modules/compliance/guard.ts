import { evaluate, type RuleHit, type Verdict } from '@arrears/shared/compliance/engine';
import type { ComplianceFacts, ProposedAction } from '@arrears/shared/compliance/facts';
import { errorMessage } from '@arrears/shared/errors/messages';
import type { Database, Transaction } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import {
  type Actor,
  actorUserId,
  type CaseChanges,
  type CaseFacts,
  type Change,
  withCase,
} from '../case-core/case-core.service.ts';
import { targetPoint } from './action-targets.ts';
import { activeOverrides, insertDecision, stampedVersion } from './decisions.queries.ts';
import { factsAsOf } from './facts-as-of.ts';
import { coveringGrant } from './overrides.ts';

/** What `record` is given once the action has passed. */
export interface PassedAction {
  caseFacts: CaseFacts;
  facts: ComplianceFacts;
  verdict: Verdict;
  outcome: 'allowed' | 'overridden';
  /** The decision row kept for this action (warnings or an override), for the record to point at. */
  decisionId: number | null;
}

export interface Recorded<T> {
  value: T;
  caseChanges?: CaseChanges;
  /** Nothing on the case changed (a dial reservation, which lapses on its own): no version bump, no projection. */
  unchanged?: boolean;
}

export interface GuardedRequest<T> {
  actor: Actor;
  caseId: string;
  /** The clock: when the decision is made and recorded. */
  now: Date;
  /** The instant the action takes place (a logged call, a visit's slot); `now` when omitted. */
  at?: Date;
  expectedVersion?: number | undefined;
  /** Builds the proposed action from the loaded facts; may refuse bad input (nothing is written then). */
  action: (tx: Transaction, caseFacts: CaseFacts) => ProposedAction | Promise<ProposedAction>;
  /** Writes the action itself (contact log row, visit, placement…), inside the guard's transaction. */
  record: (tx: Transaction, passed: PassedAction) => Promise<Recorded<T>>;
}

export interface GuardedResult<T> {
  value: T;
  outcome: 'allowed' | 'overridden';
  decisionId: number | null;
  warnings: RuleHit[];
  caseVersion: number;
}

type Settled<T> =
  | { blocked: true; verdict: Verdict; decisionId: number }
  | ({ blocked: false } & Omit<GuardedResult<T>, 'caseVersion'>);

/**
 * The one door every action that reaches a debtor or escalates a case goes through: evaluate, then withCase.
 * Under withCase's scope check, debtor lock and version check it loads the facts at the action's instant,
 * evaluates, and then either records the action (keeping a decision row when there were warnings or an override),
 * which withCase follows with the bump and the queue projection, or keeps a `blocked` decision with the facts it
 * saw and changes nothing else. The blocked decision is committed before the refusal is thrown: throwing inside
 * the transaction would roll the record of the refusal back with it.
 */
export async function guardAction<T>(db: Database, request: GuardedRequest<T>): Promise<GuardedResult<T>> {
  const { actor, caseId, now } = request;
  const at = request.at ?? now;
  const { value: settled, caseVersion } = await withCase(
    // An approval is used when the action is taken (now), even for a visit whose slot is later (decision record 026).
    {
      db,
      actor,
      caseId,
      now,
      expectedVersion: request.expectedVersion,
      read: { facts: { at, approvalsAt: now } },
    },
    async ({ tx, facts: caseFacts }): Promise<Change<Settled<T>>> => {
      const action = await request.action(tx, caseFacts);
      targetPoint(action.kind, action.contactPointId, caseFacts.contactPoints);
      const facts = factsFor(caseFacts, action, at);
      const verdict = evaluate(facts, { parameters: caseFacts.parameters });
      const grant = verdict.allowed
        ? null
        : coveringGrant(verdict, await activeOverrides(tx, caseId, action.kind, now));
      const decision = {
        caseId,
        debtorId: caseFacts.debtor.id,
        actorId: actorUserId(actor),
        actionKind: action.kind,
        contactPointId: action.contactPointId ?? null,
        verdict,
        facts,
        rulesetVersion: stampedVersion(caseFacts.portfolio.ruleParametersVersion),
        evaluatedAt: now,
      };
      if (!verdict.allowed && grant === null) {
        const decisionId = await insertDecision(tx, { ...decision, outcome: 'blocked' });
        return { value: { blocked: true, verdict, decisionId }, unchanged: true };
      }
      const outcome = grant === null ? 'allowed' : 'overridden';
      const decisionId =
        grant === null && verdict.warnings.length === 0
          ? null
          : await insertDecision(tx, {
              ...decision,
              outcome,
              overrideReason: grant?.reason ?? null,
              overridesDecisionId: grant?.decisionId ?? null,
            });
      const recorded = await request.record(tx, { caseFacts, facts, verdict, outcome, decisionId });
      // The action changed what the engine allows next: withCase's projection re-judges the queues' workable
      // instant and priority in the same UPDATE that applies the case changes and bumps the version.
      return {
        value: {
          blocked: false,
          value: recorded.value,
          outcome,
          decisionId,
          warnings: [...verdict.warnings],
        },
        changes: recorded.caseChanges ?? {},
        unchanged: recorded.unchanged === true,
      };
    },
  );
  if (settled.blocked) throw blockedError(settled.verdict, settled.decisionId);
  const { blocked: _, ...result } = settled;
  return { ...result, caseVersion };
}

/**
 * The facts of COMPLIANCE.md for one proposed action judged at its instant (docs/compliance/CATALOG.md, principle 11); a message is "initial"
 * until the first communication, so also when the first one on record came after `at`.
 */
export function factsFor(caseFacts: CaseFacts, action: ProposedAction, at: Date): ComplianceFacts {
  const base = factsAsOf(caseFacts, at);
  const first = base.debt.initialCommunicationAt;
  const initial = first == null || Date.parse(first) > at.getTime();
  const withInitial =
    action.message == null ? action : { ...action, message: { ...action.message, initial } };
  return { now: at.toISOString(), ...base, action: withInitial };
}

function blockedError(verdict: Verdict, decisionId: number): AppError {
  const [first, ...rest] = verdict.violations;
  const blocked = errorMessage('compliance.blocked', {
    ruleId: first?.ruleId ?? '',
    reason: first?.reason ?? '',
    others: rest.length,
  });
  return new AppError('BLOCKED_BY_RULE', blocked, {
    verdict,
    decisionId,
  });
}
