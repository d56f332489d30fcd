import { utcDate } from '@arrears/shared/domain/calendar';
import { errorMessage } from '@arrears/shared/errors/messages';
import type { SessionUser } from '@arrears/shared/schemas/auth';
import type {
  LetterPurpose,
  LettersOverview,
  markReturnedInput,
  previewLetterInput,
  queueLetterInput,
} from '@arrears/shared/schemas/letters';
import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database, Executor } from '../../db/client.ts';
import { contactPoints, letters } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { withCase } from '../case-core/case-core.service.ts';
import { recordContact } from '../compliance/compliance.service.ts';
import { renderCaseLetter } from './letter-documents.ts';
import { letterById, letterRowOf, queuedLetters, recentBatches, selectLetters } from './letters.queries.ts';

interface Request<I> {
  user: SessionUser;
  input: I;
  now: Date;
}

/** The letter's printed reference: short enough to read over the phone, unique enough within a year of mail. */
export function letterReference(letterId: string): string {
  return `L-${letterId.slice(0, 8).toUpperCase()}`;
}

/** A letter of the case as it would be printed today (nothing is queued or recorded). */
export async function previewLetter(
  db: Database,
  { user, input, now }: Request<z.output<typeof previewLetterInput>>,
) {
  const letter = await renderCaseLetter(db, {
    user,
    caseId: input.caseId,
    purpose: input.purpose,
    mailedOn: utcDate(now),
    reference: 'PREVIEW',
    now,
  });
  return {
    fileName: letter.fileName,
    pdfBase64: Buffer.from(letter.bytes).toString('base64'),
    pages: letter.pages,
  };
}

/**
 * Puts a letter on the print queue for the next batch, addressed to the debtor's home address. Nothing reaches the
 * debtor yet, so nothing is judged or logged here: the batch's cut-off judges it and records the mailing.
 */
export async function queueLetter(
  db: Database,
  { user, input, now }: Request<z.output<typeof queueLetterInput>>,
) {
  const { value: letterId } = await withCase(
    { db, actor: user, caseId: input.caseId, now },
    async ({ tx, caseRow }) => {
      const id = await insertLetter(tx, {
        caseId: caseRow.id,
        debtorId: caseRow.debtorId,
        purpose: input.purpose,
        source: 'manual',
        requestedBy: user.id,
        now,
      });
      return { value: id, unchanged: true };
    },
  );
  const row = await letterById(db, user, letterId);
  return { letter: letterRowOf(row!) };
}

/** The print queue's row for one letter (a reminder step on the `letter` channel calls this too). */
export async function insertLetter(
  tx: Executor,
  options: {
    caseId: string;
    debtorId: string;
    purpose: LetterPurpose;
    source: 'manual' | 'reminder';
    requestedBy: string | null;
    now: Date;
  },
): Promise<string> {
  const [home] = await tx
    .select({ id: contactPoints.id })
    .from(contactPoints)
    .where(and(eq(contactPoints.debtorId, options.debtorId), eq(contactPoints.kind, 'home_address')))
    .limit(1);
  if (!home) throw new AppError('PRECONDITION_FAILED', errorMessage('letter.noAddress'));
  const [row] = await tx
    .insert(letters)
    .values({
      caseId: options.caseId,
      purpose: options.purpose,
      contactPointId: home.id,
      source: options.source,
      requestedBy: options.requestedBy,
      requestedAt: options.now,
    })
    .returning({ id: letters.id });
  return row!.id;
}

/** The Letters page: what waits for the next print run, and the latest batches with their letters. */
export async function lettersOverview(
  db: Database,
  { user, now }: { user: SessionUser; now: Date },
): Promise<LettersOverview> {
  const [queued, batches] = await Promise.all([queuedLetters(db, user, now), recentBatches(db, user, 10)]);
  return {
    queued: queued.map(letterRowOf),
    batches: batches.map(({ batch, letters: rows }) => ({
      id: batch.id,
      mailingDate: batch.mailingDate,
      cutoffAt: batch.cutoffAt.toISOString(),
      mailedCount: batch.mailedCount,
      withheldCount: batch.withheldCount,
      letters: rows.map(letterRowOf),
    })),
  };
}

/**
 * Returned mail: a new contact-log row for the letter with outcome `bounced` (append-only; the mailing's row stays).
 * A bounced letter reached no one, so it is not a last contact and counts toward no cap.
 */
export async function markReturned(
  db: Database,
  { user, input, now }: Request<z.output<typeof markReturnedInput>>,
) {
  const found = await letterById(db, user, input.letterId);
  if (!found) throw new AppError('NOT_FOUND', errorMessage('letter.notFound'));
  const { value: contactId } = await withCase(
    { db, actor: user, caseId: found.letter.caseId, now, read: { facts: {} } },
    async ({ tx, facts }) => {
      const [letter] = await tx.select().from(letters).where(eq(letters.id, input.letterId)).for('update');
      if (letter!.state !== 'mailed' || letter!.contactId === null) {
        throw new AppError('CONFLICT', errorMessage('letter.notMailed'));
      }
      if (letter!.returnedContactId !== null)
        throw new AppError('CONFLICT', errorMessage('letter.alreadyReturned'));
      const { contactId } = await recordContact(
        tx,
        { caseFacts: facts, agentId: user.id, decisionId: null },
        {
          kind: 'letter',
          direction: 'outbound',
          outcome: 'bounced',
          occurredAt: now,
          contactPointId: letter!.contactPointId,
          purpose: letter!.purpose,
          details: { letterId: letter!.id, returnedMail: true, mailedContactId: letter!.contactId },
        },
      );
      await tx
        .update(letters)
        .set({ returnedContactId: contactId })
        .where(and(eq(letters.id, letter!.id), isNull(letters.returnedContactId)));
      // The case's own columns do not move (no last contact); the version does, as the log changed.
      return { value: contactId, changes: {} };
    },
  );
  const [row] = await selectLetters(db, user, eq(letters.id, input.letterId));
  return { letter: letterRowOf(row!), contactId };
}

/** The agency's identity as letters and texts name it (AGENCY_* settings). */
export { letterSender } from './sender.ts';
