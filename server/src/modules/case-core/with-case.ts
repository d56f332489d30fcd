import { and, eq, inArray, ne, type SQLWrapper, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../../db/client.ts';
import { cases } from '../../db/schema/index.ts';
import { caseNotFound } from '../../errors.ts';
import type { Actor } from './actor.ts';
import { bumpCase } from './bump.ts';
import type { CaseRow } from './facts.mapping.ts';
import { type CaseFacts, loadCaseFacts } from './facts.ts';
import { type CaseChanges, checkVersion, lockCases, lockDebtorOfCase } from './lock.ts';
import { queueProjector } from './queue-projector.ts';

/**
 * What is read under the locks before the change: the case row (`row`), the row locked FOR NO KEY UPDATE because
 * the change reads amounts and writes them back (`row for update`), or the compliance facts of the case judged at
 * `at` with approvals still usable at `approvalsAt` (both `now` when left out: decision record 026).
 */
export type CaseRead = 'row' | 'row for update' | { facts: { at?: Date; approvalsAt?: Date } };

export interface CaseRequest<R extends CaseRead = 'row'> {
  db: Database | Transaction;
  actor: Actor;
  caseId: string;
  /** The version the screen showed; a stale one is refused before anything is written. */
  expectedVersion?: number | undefined;
  /** The clock: when the change happens, the version moves and the queue is judged. */
  now: Date;
  read?: R;
}

export type CaseContext<R extends CaseRead> = {
  tx: Transaction;
  caseRow: CaseRow;
} & (R extends { facts: object } ? { facts: CaseFacts } : { facts?: undefined });

export interface Change<T> {
  value: T;
  /** What the change sets on the case row, applied in the UPDATE that bumps the version. */
  changes?: CaseChanges;
  /**
   * `debtor` for facts about the person (cease, attorney, bankruptcy, death, opt-outs, consent): they change what
   * is allowed on every debt of the debtor, so each of their cases moves to a new version.
   */
  reach?: 'case' | 'debtor';
  /** Nothing on the case changed (a refusal kept for the record, a replayed request): no bump, no projection. */
  unchanged?: boolean;
}

export interface Changed<T> {
  value: T;
  caseVersion: number;
  /** The case row as the change left it (its columns and version; the queue's derived columns as read). */
  caseRow: CaseRow;
}

/**
 * The one way to change a case. In one transaction: the actor's scope and the debtor's advisory lock (one
 * statement; out of scope answers NOT_FOUND as for a missing case), the read (`read`), the version check, then
 * `fn` (the change), then the version bump with the change's columns, then the queue projection (queues' own,
 * through the registered QueueProjector): the case judged on the facts as the change left them, and the debtor's
 * other active cases re-judged. Whatever `fn` throws rolls everything back, the bump included.
 */
export async function withCase<T, R extends CaseRead = 'row'>(
  request: CaseRequest<R>,
  fn: (context: CaseContext<R>) => Promise<Change<T>>,
): Promise<Changed<T>> {
  const { actor, caseId, now } = request;
  const read: CaseRead = request.read ?? 'row';
  return request.db.transaction(async (tx) => {
    await lockDebtorOfCase(tx, actor, caseId);
    let caseRow: CaseRow | undefined;
    let facts: CaseFacts | undefined;
    if (typeof read === 'object') {
      facts = (await loadCaseFacts(tx, caseId, read.facts.at ?? now, read.facts.approvalsAt)) ?? undefined;
      caseRow = facts?.caseRow;
    } else {
      const select = tx.select().from(cases).where(eq(cases.id, caseId));
      [caseRow] = read === 'row for update' ? await select.for('no key update') : await select;
    }
    if (!caseRow) throw caseNotFound();
    checkVersion(caseRow.version, request.expectedVersion);
    const change = await fn({ tx, caseRow, facts } as CaseContext<R>);
    if (change.unchanged) return { value: change.value, caseVersion: caseRow.version, caseRow };
    const changes = change.changes ?? {};
    if (change.reach === 'debtor') {
      await tx
        .update(cases)
        .set({ version: sql`${cases.version} + 1`, updatedAt: now })
        .where(and(eq(cases.debtorId, caseRow.debtorId), ne(cases.id, caseId)));
    }
    const caseVersion = await bumpCase(tx, { caseId, changes, now });
    await queueProjector().caseChanged(tx, { caseId, now, parameters: facts?.parameters });
    return {
      value: change.value,
      caseVersion,
      caseRow: { ...caseRow, ...changes, version: caseVersion, updatedAt: now } as CaseRow,
    };
  });
}

export interface CasesRequest {
  db: Database | Transaction;
  actor: Actor;
  /** The cases, or a subquery of their ids. */
  caseIds: readonly string[] | SQLWrapper;
  now: Date;
  /** Re-judge the changed cases' queue standing (default); false when a roll re-judges every case afterwards. */
  project?: boolean;
}

/**
 * withCase for several cases at once (a batch of one is a single case): the case rows inside the actor's scope,
 * locked FOR NO KEY UPDATE in id order, then `fn`, which names the cases it changed; each of those moves to a new
 * version in one UPDATE and is re-judged for the queues (with the debtor's other active cases). No version check:
 * a batch acts on what it finds under the locks.
 */
export async function withCases<T>(
  request: CasesRequest,
  fn: (context: {
    tx: Transaction;
    caseRows: CaseRow[];
  }) => Promise<{ value: T; changedCaseIds: readonly string[] }>,
): Promise<T> {
  const { now } = request;
  return request.db.transaction(async (tx) => {
    const caseRows = await lockCases(tx, request.actor, request.caseIds);
    const { value, changedCaseIds } = await fn({ tx, caseRows });
    if (changedCaseIds.length > 0) {
      await tx
        .update(cases)
        .set({ version: sql`${cases.version} + 1`, updatedAt: now })
        .where(inArray(cases.id, [...changedCaseIds]));
      if (request.project !== false) await queueProjector().casesChanged(tx, changedCaseIds, now);
    }
    return value;
  });
}
