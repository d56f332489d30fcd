import { z } from 'zod';
import { idempotencyKey } from './idempotency.ts';
import { id } from './primitives.ts';

/** Contracts of letters: previews, the print queue, the print batch for the mail vendor and returned mail. */

export const LETTER_PURPOSES = ['validation_notice', 'debt_statement'] as const;
export type LetterPurpose = (typeof LETTER_PURPOSES)[number];

const isoDate = z.iso.date('Date must be YYYY-MM-DD');

export const previewLetterInput = z.object({
  caseId: id('caseId'),
  purpose: z.enum(LETTER_PURPOSES),
});

/** A PDF carried in JSON (the dashboard saves it as a file). */
export const pdfFileOutput = z.object({
  fileName: z.string(),
  pdfBase64: z.string(),
  pages: z.number().int().positive(),
});

export const queueLetterInput = z.object({
  caseId: id('caseId'),
  purpose: z.enum(LETTER_PURPOSES),
  idempotencyKey,
});

export const letterRow = z.object({
  id: z.string(),
  caseId: z.string(),
  accountRef: z.string(),
  debtorName: z.string(),
  purpose: z.enum(LETTER_PURPOSES),
  source: z.enum(['manual', 'reminder']),
  state: z.enum(['queued', 'mailed', 'withheld']),
  requestedAt: z.string(),
  batchId: z.string().nullable(),
  pages: z.number().int().nullable(),
  withheldRuleId: z.string().nullable(),
  returned: z.boolean(),
});
export type LetterRow = z.infer<typeof letterRow>;

export const queueLetterOutput = z.object({ letter: letterRow });

export const letterBatchRow = z.object({
  id: z.string(),
  mailingDate: z.string(),
  cutoffAt: z.string(),
  mailedCount: z.number().int(),
  withheldCount: z.number().int(),
});

export const lettersOverviewOutput = z.object({
  /** Letters waiting for the next print run. */
  queued: z.array(letterRow),
  /** The latest batches, newest first, with their letters. */
  batches: z.array(letterBatchRow.extend({ letters: z.array(letterRow) })),
});
export type LettersOverview = z.infer<typeof lettersOverviewOutput>;

export const buildBatchInput = z.object({
  /** The day the vendor mails the batch; today (UTC) when left out. */
  mailingDate: isoDate.optional(),
  idempotencyKey,
});

export const batchZipOutput = z.object({
  batch: letterBatchRow,
  fileName: z.string(),
  zipBase64: z.string(),
});

export const batchZipInput = z.object({ batchId: id('batchId') });

export const markReturnedInput = z.object({
  letterId: id('letterId'),
  idempotencyKey,
});

export const markReturnedOutput = z.object({ letter: letterRow, contactId: z.number().int() });
