/**
 * case-core: the bottom of the server's write path. Every change to a case goes through `withCase` (or
 * `withCases` for a batch): the actor's scope, the debtor lock, the version, the facts, the change, the bump and
 * the queue projection. It also holds what the compliance engine and the queues both read: the facts of a case
 * (one case is a batch of one), the rule parameters, and the judgement of a case's queue standing. Other modules
 * import case-core through this file only; case-core imports no other module but `cases` (the staff scope).
 *
 * Actors (actor.ts): staff (the session user) are scoped as the case lists scope them; the scheduler (`system`)
 * reaches every case; the debtor (portal) only their own cases; an integration (the dialer) only the cases of
 * the teams it works for; a provider webhook no case at all until its channel maps its messages to cases. Only
 * staff carries a user id onto what is written.
 */

/** The staff scope (owned by `cases`), for the reads of the modules above case-core. */
export { caseScope, caseScopeTemplate, findCaseInScope, selectCases } from '../cases/cases.service.ts';
export {
  type Actor,
  actorScope,
  actorUserId,
  type DebtorActor,
  type IntegrationActor,
  type StaffActor,
  type SystemActor,
  type WebhookActor,
} from './actor.ts';
/** The case head (case, debtor, portfolio) as one statement reads it, and its rows from JSON: all of case-head.ts. */
export * from './case-head.ts';
export { assembleCase, caseParameters, type LoadedCase, parametersOrReason } from './facts.assemble.ts';
export {
  type CaseRow,
  type ContactPointRow,
  candidateZonesOf,
  type DebtorRow,
  type DisputeRow,
  maskedLabel,
} from './facts.mapping.ts';
export { type Approval, type CaseFacts, loadCaseFacts, loadCaseFactsFor } from './facts.ts';
export { loadCaseAtOnce } from './facts-at-once.ts';
export { loadFactsForCases } from './facts-batch.ts';
export { caseRowOf, judgeCall, judgeLoaded, priorityOf, type Workability } from './judge.ts';
export { liveApproval } from './live-approvals.ts';
export { type CaseChanges, checkVersion } from './lock.ts';
export { historyDays, parametersFor } from './parameters.ts';
export { BROKEN_PROMISE_DAYS, loadPromises, type PromiseRow, promiseStanding } from './promise-standing.ts';
export { type QueueProjector, registerQueueProjector } from './queue-projector.ts';
export {
  type CaseContext,
  type CaseRead,
  type CaseRequest,
  type Change,
  type Changed,
  withCase,
  withCases,
} from './with-case.ts';
