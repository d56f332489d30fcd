import { evaluate, type RuleHit, type Verdict } from '@arrears/shared/compliance/engine';
import type { ComplianceFacts, ProposedAction } from '@arrears/shared/compliance/facts';
import type { Database, Transaction } from '../../db/client.ts';
import { AppError, caseNotFound } from '../../errors.ts';
import { bumpAndRefresh } from '../queues/workability.ts';
import { targetPoint } from './action-targets.ts';
import { type Actor, type CaseChanges, checkVersion, lockDebtorOfCase } from './case-lock.ts';
import { activeOverrides, insertDecision, stampedVersion } from './decisions.queries.ts';
import { type CaseFacts, loadCaseFacts } from './facts.queries.ts';
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
  | { blocked: false; result: GuardedResult<T> };

/**
 * The one door every action that reaches a debtor or escalates a case goes through. In one transaction it
 * checks scope, locks the debtor, loads the facts, evaluates, and then either records the action (keeping a
 * decision row when there were warnings or an override) or keeps a `blocked` decision with the facts it saw.
 * The blocked decision is committed before the refusal is thrown: throwing inside the transaction would roll
 * the record of the refusal back with it.
 */
export async function runGuarded<T>(db: Database, request: GuardedRequest<T>): Promise<GuardedResult<T>> {
  const { actor, caseId, now } = request;
  const at = request.at ?? now;
  const settled = await db.transaction(async (tx): Promise<Settled<T>> => {
    await lockDebtorOfCase(tx, actor, caseId);
    // An approval is used when the action is taken (now), even for a visit whose slot is later (decision record 026).
    const caseFacts = await loadCaseFacts(tx, caseId, at, now);
    if (!caseFacts) throw caseNotFound();
    checkVersion(caseFacts.caseRow.version, request.expectedVersion);
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
      actorId: actor.id,
      actionKind: action.kind,
      contactPointId: action.contactPointId ?? null,
      verdict,
      facts,
      rulesetVersion: stampedVersion(caseFacts.portfolio.ruleParametersVersion),
      evaluatedAt: now,
    };
    if (!verdict.allowed && grant === null) {
      return {
        blocked: true,
        verdict,
        decisionId: await insertDecision(tx, { ...decision, outcome: 'blocked' }),
      };
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
    // The action changed what the engine allows next: the queues' workable instant and priority follow it, in
    // the same UPDATE that applies the case changes and bumps the version.
    const caseVersion = await bumpAndRefresh(tx, {
      caseId,
      changes: recorded.caseChanges ?? {},
      now,
      parameters: caseFacts.parameters,
    });
    return {
      blocked: false,
      result: { value: recorded.value, outcome, decisionId, warnings: [...verdict.warnings], caseVersion },
    };
  });
  if (settled.blocked) throw blockedError(settled.verdict, settled.decisionId);
  return settled.result;
}

/**
 * The facts of COMPLIANCE.md for one proposed action judged at its instant (decision 11); a message is "initial"
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
  const more = rest.length === 0 ? '' : ` (and ${rest.length} more rule${rest.length === 1 ? '' : 's'})`;
  return new AppError('BLOCKED_BY_RULE', `${first?.ruleId}: ${first?.reason}${more}`, {
    verdict,
    decisionId,
  });
}

/**
 * For what is recorded but not judged (an inbound call is not an attempt): the same scope check, debtor lock
 * and version check as the guard, so the record lands in order with the decisions it affects.
 */
export async function runLocked<T>(
  db: Database,
  request: Pick<GuardedRequest<T>, 'actor' | 'caseId' | 'now' | 'expectedVersion'> & {
    record: (tx: Transaction, caseFacts: CaseFacts) => Promise<Recorded<T>>;
  },
): Promise<{ value: T; caseVersion: number }> {
  return db.transaction(async (tx) => {
    await lockDebtorOfCase(tx, request.actor, request.caseId);
    const caseFacts = await loadCaseFacts(tx, request.caseId, request.now);
    if (!caseFacts) throw caseNotFound();
    checkVersion(caseFacts.caseRow.version, request.expectedVersion);
    const recorded = await request.record(tx, caseFacts);
    const caseVersion = await bumpAndRefresh(tx, {
      caseId: request.caseId,
      changes: recorded.caseChanges ?? {},
      now: request.now,
      parameters: caseFacts.parameters,
    });
    return { value: recorded.value, caseVersion };
  });
}
