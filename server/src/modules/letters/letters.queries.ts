import type { SessionUser } from '@arrears/shared/schemas/auth';
import type { LetterRow } from '@arrears/shared/schemas/letters';
import { and, asc, desc, eq, inArray, lte, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { cases, debtors, letterBatches, letters } from '../../db/schema/index.ts';
import { caseScope } from '../case-core/case-core.service.ts';

const letterColumns = {
  letter: letters,
  accountRef: cases.accountRef,
  debtorName: debtors.fullName,
};

/** Letters with the case and debtor they name, inside the user's scope. */
export function selectLetters(db: Executor, user: SessionUser, where: SQL | undefined) {
  return db
    .select(letterColumns)
    .from(letters)
    .innerJoin(cases, eq(cases.id, letters.caseId))
    .innerJoin(debtors, eq(debtors.id, cases.debtorId))
    .where(and(caseScope(user), where))
    .orderBy(asc(letters.requestedAt), asc(letters.id));
}

type SelectedLetter = Awaited<ReturnType<typeof selectLetters>>[number];

export function letterRowOf({ letter, accountRef, debtorName }: SelectedLetter): LetterRow {
  return {
    id: letter.id,
    caseId: letter.caseId,
    accountRef,
    debtorName,
    purpose: letter.purpose,
    source: letter.source,
    state: letter.state,
    requestedAt: letter.requestedAt.toISOString(),
    batchId: letter.batchId,
    pages: letter.pages,
    withheldRuleId: letter.withheldRuleId,
    returned: letter.returnedContactId !== null,
  };
}

/** The letters waiting for a print run whose cut-off is `cutoff`. */
export function queuedLetters(db: Executor, user: SessionUser, cutoff: Date) {
  return selectLetters(db, user, and(eq(letters.state, 'queued'), lte(letters.requestedAt, cutoff)));
}

export async function letterById(db: Executor, user: SessionUser, letterId: string) {
  const [row] = await selectLetters(db, user, eq(letters.id, letterId));
  return row;
}

export async function recentBatches(db: Executor, user: SessionUser, count: number) {
  const batches = await db.select().from(letterBatches).orderBy(desc(letterBatches.cutoffAt)).limit(count);
  const ids = batches.map((b) => b.id);
  const rows = ids.length === 0 ? [] : await selectLetters(db, user, inArray(letters.batchId, ids));
  return batches.map((batch) => ({
    batch,
    letters: rows.filter((row) => row.letter.batchId === batch.id),
  }));
}
