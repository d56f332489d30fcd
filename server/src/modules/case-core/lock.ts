import { errorMessage } from '@arrears/shared/errors/messages';
import { and, asc, inArray, type SQLWrapper, sql } from 'drizzle-orm';
import { queryRows, type Transaction } from '../../db/client.ts';
import { cases } from '../../db/schema/index.ts';
import { AppError, caseNotFound } from '../../errors.ts';
import { type Actor, actorScope } from './actor.ts';

/** First key of the two-key advisory lock space, so these locks never meet another module's. */
const DEBTOR_LOCK_SPACE = 0x0c0de;

/**
 * Checks the case is in the user's scope and takes a transaction-scoped lock on its debtor in one statement.
 * Every decision about a debtor takes this lock before reading facts, so two attempts on one debtor are judged
 * one after the other and the second sees the first's contact: a cap can never be exceeded by a race.
 * Out of scope answers NOT_FOUND, as for a case that does not exist.
 */
export async function lockDebtorOfCase(tx: Transaction, actor: Actor, caseId: string): Promise<string> {
  const [row] = await queryRows<{ debtor_id: string }>(
    tx,
    sql`select debtor_id, pg_advisory_xact_lock(${DEBTOR_LOCK_SPACE}, hashtext(debtor_id::text))
        from ${cases} where ${cases.id} = ${caseId} and ${actorScope(actor)}`,
  );
  if (!row) throw caseNotFound();
  return row.debtor_id;
}

/** Optimistic concurrency: the screen's version must still be the case's. */
export function checkVersion(current: number, expected: number | undefined): void {
  if (expected !== undefined && expected !== current) {
    throw new AppError('STALE_VERSION', errorMessage('case.staleVersion', { expected, current }), {
      currentVersion: current,
    });
  }
}

/**
 * What a change sets on the case row itself, applied with the version bump. The version is the kernel's, never a
 * change's; the queue's derived columns are not on the case at all (case_queue_state, written by the projection).
 */
export type CaseChanges = Partial<Omit<typeof cases.$inferInsert, 'id' | 'version' | 'updatedAt'>>;

/**
 * Row locks on several cases (FOR NO KEY UPDATE, in id order, so two batches cannot deadlock), only those inside
 * the actor's scope: what a batch reads, changes and writes back. Returns the locked rows in id order.
 */
export async function lockCases(tx: Transaction, actor: Actor, caseIds: readonly string[] | SQLWrapper) {
  if (Array.isArray(caseIds) && caseIds.length === 0) return [];
  return tx
    .select()
    .from(cases)
    .where(
      and(
        inArray(cases.id, Array.isArray(caseIds) ? [...caseIds] : (caseIds as SQLWrapper)),
        actorScope(actor),
      ),
    )
    .orderBy(asc(cases.id))
    .for('no key update');
}
