import { addDays, utcDate } from '@arrears/shared/domain/calendar';
import { validationPeriodEnd } from '@arrears/shared/domain/mailing-days';
import { errorMessage } from '@arrears/shared/errors/messages';
import type { SessionUser } from '@arrears/shared/schemas/auth';
import type { batchZipInput, buildBatchInput } from '@arrears/shared/schemas/letters';
import { eq } from 'drizzle-orm';
import { strToU8, zipSync } from 'fflate';
import type { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { letterBatches, letters } from '../../db/schema/index.ts';
import { AppError, invalidField } from '../../errors.ts';
import type { CaseChanges } from '../case-core/case-core.service.ts';
import { guardAction, recordContact } from '../compliance/compliance.service.ts';
import { toCsv, UTF8_BOM } from '../reports/reports.service.ts';
import { renderCaseLetter } from './letter-documents.ts';
import { queuedLetters } from './letters.queries.ts';
import { letterReference } from './letters.service.ts';

/** How long after the cut-off the vendor may mail a batch (a weekend and a holiday, with room). */
const MAX_MAILING_DELAY_DAYS = 7;

interface Request<I> {
  user: SessionUser;
  input: I;
  now: Date;
}

const INDEX_COLUMNS = [
  'letter_id',
  'reference',
  'case_id',
  'account_ref',
  'purpose',
  'file',
  'pages',
  'address_line_1',
  'address_line_2',
  'address_line_3',
  'address_line_4',
] as const;

interface Printed {
  file: string;
  bytes: Uint8Array;
  index: Record<(typeof INDEX_COLUMNS)[number], string | number>;
}

/**
 * The day's print run for the mail vendor. At the cut-off (now) every queued letter is judged again by the guard, one
 * case at a time under its lock: an allowed one is rendered from the ledger as it stands, its mailing recorded as the
 * contact (dated the cut-off, the mailing date in its details) and, for a validation notice, the end of its
 * validation period set on the case; a refused one is left out, withheld with its rule and the blocked decision the
 * guard kept. Answers one zip: a PDF per letter and index.csv (letter, case, window address lines, pages).
 */
export async function buildBatch(
  db: Database,
  { user, input, now }: Request<z.output<typeof buildBatchInput>>,
) {
  const mailingDate = input.mailingDate ?? utcDate(now);
  // The contact is dated the cut-off and the validation period counts from the mailing date: they must agree.
  const latest = addDays(utcDate(now), MAX_MAILING_DELAY_DAYS);
  if (mailingDate < utcDate(now) || mailingDate > latest) {
    throw invalidField('mailingDate', errorMessage('letter.mailingDateRange', { latest }));
  }
  const queued = await queuedLetters(db, user, now);
  if (queued.length === 0) throw new AppError('PRECONDITION_FAILED', errorMessage('letter.nothingQueued'));
  const [batch] = await db
    .insert(letterBatches)
    .values({ mailingDate, cutoffAt: now, builtBy: user.id, mailedCount: 0, withheldCount: 0, zipBase64: '' })
    .returning();
  const printed: Printed[] = [];
  let withheld = 0;
  for (const { letter, accountRef } of queued) {
    const reference = letterReference(letter.id);
    try {
      const { value } = await guardAction(db, {
        actor: user,
        caseId: letter.caseId,
        now,
        action: async (tx, caseFacts) => {
          // Another print run may have taken it since the queue was read: it is judged and mailed once.
          const [current] = await tx
            .select({ state: letters.state })
            .from(letters)
            .where(eq(letters.id, letter.id))
            .for('update');
          if (current?.state !== 'queued') throw new TakenByAnotherRun();
          const us = caseFacts.debtor.jurisdictionCountry === 'US';
          return {
            kind: 'letter',
            contactPointId: letter.contactPointId,
            message: { purpose: letter.purpose, disclosures: us ? ['mini_miranda_initial'] : [] },
          };
        },
        record: async (tx, passed) => {
          const document = await renderCaseLetter(tx, {
            user,
            caseId: letter.caseId,
            purpose: letter.purpose,
            mailedOn: mailingDate,
            reference,
            now,
            contactPointId: letter.contactPointId,
          });
          const { contactId, caseChanges } = await recordContact(
            tx,
            { caseFacts: passed.caseFacts, agentId: null, decisionId: passed.decisionId },
            {
              kind: 'letter',
              direction: 'outbound',
              outcome: 'sent',
              occurredAt: now,
              contactPointId: document.contactPointId,
              purpose: letter.purpose,
              disclosures: passed.facts.action.message?.disclosures ?? [],
              details: { letterId: letter.id, batchId: batch!.id, mailingDate, pages: document.pages },
            },
          );
          const changes: CaseChanges = { ...caseChanges };
          if (letter.purpose === 'validation_notice' && !document.chinese) {
            // Reg F 1006.34(b)(5): the engine learns the end of the period this notice opens.
            changes.validationPeriodEndsOn = validationPeriodEnd(mailingDate);
          }
          await tx
            .update(letters)
            .set({ state: 'mailed', batchId: batch!.id, contactId, pages: document.pages })
            .where(eq(letters.id, letter.id));
          return { value: document, caseChanges: changes };
        },
      });
      const file = `${reference}-${value.fileName}`;
      const [line1 = '', line2 = '', line3 = '', line4 = ''] = value.recipient;
      printed.push({
        file,
        bytes: value.bytes,
        index: {
          letter_id: letter.id,
          reference,
          case_id: letter.caseId,
          account_ref: accountRef,
          purpose: letter.purpose,
          file,
          pages: value.pages,
          address_line_1: line1,
          address_line_2: line2,
          address_line_3: line3,
          address_line_4: line4,
        },
      });
    } catch (error) {
      if (error instanceof TakenByAnotherRun) continue;
      if (!(error instanceof AppError) || error.appCode !== 'BLOCKED_BY_RULE') throw error;
      withheld++;
      const ruleId = error.details?.verdict?.violations[0]?.ruleId ?? null;
      await db
        .update(letters)
        .set({
          state: 'withheld',
          batchId: batch!.id,
          withheldRuleId: ruleId,
          withheldDecisionId: error.details?.decisionId ?? null,
        })
        .where(eq(letters.id, letter.id));
    }
  }
  const files: Record<string, Uint8Array> = {
    'index.csv': strToU8(
      UTF8_BOM +
        toCsv(
          printed.map((p) => p.index),
          INDEX_COLUMNS,
        ),
    ),
  };
  for (const p of printed) files[p.file] = p.bytes;
  // PDFs are compressed already: store them (level 0), deflate only the index.
  const zip = zipSync(files, { level: 0 });
  const zipBase64 = Buffer.from(zip).toString('base64');
  const [saved] = await db
    .update(letterBatches)
    .set({ mailedCount: printed.length, withheldCount: withheld, zipBase64 })
    .where(eq(letterBatches.id, batch!.id))
    .returning();
  return batchFile(saved!);
}

class TakenByAnotherRun extends Error {}

/** A batch's zip again, as it was handed to the vendor. */
export async function batchZip(db: Database, { input }: Request<z.output<typeof batchZipInput>>) {
  const [batch] = await db.select().from(letterBatches).where(eq(letterBatches.id, input.batchId));
  if (!batch || batch.zipBase64 === '') throw new AppError('NOT_FOUND', errorMessage('letter.notFound'));
  return batchFile(batch);
}

function batchFile(batch: typeof letterBatches.$inferSelect) {
  return {
    batch: {
      id: batch.id,
      mailingDate: batch.mailingDate,
      cutoffAt: batch.cutoffAt.toISOString(),
      mailedCount: batch.mailedCount,
      withheldCount: batch.withheldCount,
    },
    fileName: `letters-${batch.mailingDate}-${batch.id.slice(0, 8)}.zip`,
    zipBase64: batch.zipBase64,
  };
}
