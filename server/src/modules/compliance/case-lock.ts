import type { SessionUser } from '@arrears/shared/schemas/auth';
import { eq, sql } from 'drizzle-orm';
import { type Executor, queryRows, type Transaction } from '../../db/client.ts';
import { cases } from '../../db/schema/index.ts';
import { AppError, caseNotFound } from '../../errors.ts';
import { caseScope } from '../cases/case-scope.ts';

/** First key of the two-key advisory lock space, so these locks never meet another module's. */
const DEBTOR_LOCK_SPACE = 0x0c0de;

/** The scheduler acting on its own (automated reminders): no scope to check, no user id on what it writes. */
export interface SystemActor {
  kind: 'system';
  id: null;
  name: string;
}
export type Actor = SessionUser | SystemActor;

/**
 * Checks the case is in the user's scope and takes a transaction-scoped lock on its debtor in one statement.
 * Every decision about a debtor takes this lock before reading facts, so two attempts on one debtor are judged
 * one after the other and the second sees the first's contact: a cap can never be exceeded by a race.
 * Out of scope answers NOT_FOUND, as for a case that does not exist.
 */
export async function lockDebtorOfCase(tx: Transaction, user: Actor, caseId: string): Promise<string> {
  const [row] = await queryRows<{ debtor_id: string }>(
    tx,
    sql`select debtor_id, pg_advisory_xact_lock(${DEBTOR_LOCK_SPACE}, hashtext(debtor_id::text))
        from ${cases} where ${cases.id} = ${caseId} and ${'kind' in user ? sql`true` : caseScope(user)}`,
  );
  if (!row) throw caseNotFound();
  return row.debtor_id;
}

/** Optimistic concurrency: the screen's version must still be the case's. */
export function checkVersion(current: number, expected: number | undefined): void {
  if (expected !== undefined && expected !== current) {
    throw new AppError(
      'STALE_VERSION',
      `The case changed since you opened it (version ${expected}, now ${current}). Reload it and try again.`,
      { currentVersion: current },
    );
  }
}

export type CaseChanges = Partial<
  Pick<
    typeof cases.$inferInsert,
    'lastContactAt' | 'initialCommunicationAt' | 'validationNoticeSentAt' | 'stage'
  >
>;

/** Applies what an action changed on the case and bumps its version; returns the new version. */
export async function bumpCase(
  db: Executor,
  caseId: string,
  changes: CaseChanges,
  now: Date,
): Promise<number> {
  const [row] = await db
    .update(cases)
    .set({ ...changes, version: sql`${cases.version} + 1`, updatedAt: now })
    .where(eq(cases.id, caseId))
    .returning({ version: cases.version });
  return row!.version;
}
