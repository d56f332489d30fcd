import type { Executor } from '../../db/client.ts';
import type { LoadedCase } from './facts.assemble.ts';
import { loadCasesAtOnce } from './facts-at-once.ts';

export type { LoadedCase } from './facts.assemble.ts';

/**
 * The facts of many cases, read by the one loader every case's facts come from (loadCasesAtOnce: one statement,
 * a second only for portfolios that lengthened a window): the queues judge thousands of cases at a time (the
 * nightly roll, a queue page), an approvals page a page of them.
 */
export async function loadFactsForCases(
  db: Executor,
  caseIds: readonly string[],
  at: Date,
): Promise<Map<string, LoadedCase>> {
  const read = await loadCasesAtOnce(db, caseIds, at);
  return new Map([...read].map(([caseId, { loaded }]) => [caseId, loaded]));
}
