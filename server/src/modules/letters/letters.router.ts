import {
  batchZipInput,
  batchZipOutput,
  buildBatchInput,
  lettersOverviewOutput,
  markReturnedInput,
  markReturnedOutput,
  pdfFileOutput,
  previewLetterInput,
  queueLetterInput,
  queueLetterOutput,
} from '@arrears/shared/schemas/letters';
import { router } from '../../trpc/init.ts';
import { keyedMutation, permissionProcedure, requestQuery } from '../../trpc/procedures.ts';
import { lettersOverview, markReturned, previewLetter, queueLetter } from './letters.service.ts';
import { batchZip, buildBatch } from './print-batch.ts';

/** Letters as PDF: previews on the case, the print queue, the vendor's batch and returned mail. */
export const lettersRouter = router({
  /** The validation notice or statement of a case as it would print today; nothing is recorded. */
  preview: requestQuery('case:read', previewLetterInput, pdfFileOutput, previewLetter),

  /** Queues a letter for the next print run. */
  queue: keyedMutation('case:work', queueLetterInput, queueLetterOutput, queueLetter),

  /** The print queue and the latest batches. */
  overview: permissionProcedure('letters:print')
    .output(lettersOverviewOutput)
    .query(({ ctx }) => lettersOverview(ctx.db, { user: ctx.user, now: ctx.now() })),

  /** Judges every queued letter at the cut-off and answers the vendor's zip. */
  buildBatch: keyedMutation('letters:print', buildBatchInput, batchZipOutput, buildBatch),

  /** A built batch's zip again. */
  batchZip: requestQuery('letters:print', batchZipInput, batchZipOutput, batchZip),

  /** Records a mailed letter that came back as returned mail. */
  markReturned: keyedMutation('letters:return', markReturnedInput, markReturnedOutput, markReturned),
});
