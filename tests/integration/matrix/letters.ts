import { letterBatches, letters } from '../../../server/src/db/schema/index.ts';
import { buildContact, key } from '../support/builders.ts';
import { freshPoolCase } from './compliance.ts';
import { type MatrixRow, type MatrixWorld, only, signedIn } from './types.ts';

/** A letter of a fresh pool case, as the print queue would hold it. */
async function letterOf(world: MatrixWorld, state: 'queued' | 'mailed') {
  const { caseRow, home } = await freshPoolCase(world);
  const contact =
    state === 'mailed'
      ? await buildContact(world.db, caseRow, {
          kind: 'letter',
          outcome: 'sent',
          occurredAt: new Date(Date.now() - 86_400_000),
        })
      : null;
  const [letter] = await world.db
    .insert(letters)
    .values({
      caseId: caseRow.id,
      purpose: 'debt_statement',
      contactPointId: home.id,
      source: 'manual',
      requestedAt: new Date(Date.now() - 60_000),
      state,
      contactId: contact?.id ?? null,
    })
    .returning();
  return letter!;
}

let batches = 0;
/**
 * A mailing day the print room may choose (today to a week ahead, UTC), a different one each call: two batches
 * asked for under one idempotency key are then two different requests.
 */
function nextMailingDate(): string {
  const day = new Date(Date.now() + (batches++ % 7) * 86_400_000);
  return day.toISOString().slice(0, 10);
}

/** Whoever sees a case previews its letters; workers queue them; the print room builds batches; returned mail is anyone's who handles post. */
export const lettersMatrix: Record<string, MatrixRow> = {
  'letters.preview': {
    access: signedIn,
    call: async (c, world) => {
      const { caseRow } = await freshPoolCase(world);
      return c.letters.preview({ caseId: caseRow.id, purpose: 'validation_notice' });
    },
  },
  'letters.queue': {
    access: only('agent', 'supervisor'),
    call: async (c, world) => {
      const { caseRow } = await freshPoolCase(world);
      return c.letters.queue({ idempotencyKey: key(), caseId: caseRow.id, purpose: 'debt_statement' });
    },
  },
  'letters.overview': { access: only('supervisor', 'admin'), call: (c) => c.letters.overview() },
  'letters.buildBatch': {
    access: only('supervisor', 'admin'),
    call: async (c, world) => {
      await letterOf(world, 'queued');
      return c.letters.buildBatch({ idempotencyKey: key(), mailingDate: nextMailingDate() });
    },
  },
  'letters.batchZip': {
    access: only('supervisor', 'admin'),
    call: async (c, world) => {
      const [batch] = await world.db
        .insert(letterBatches)
        .values({
          mailingDate: '2026-12-07',
          cutoffAt: new Date(),
          mailedCount: 0,
          withheldCount: 0,
          zipBase64: 'UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==',
        })
        .returning();
      return c.letters.batchZip({ batchId: batch!.id });
    },
  },
  'letters.markReturned': {
    access: only('agent', 'supervisor', 'admin'),
    call: async (c, world) => {
      const letter = await letterOf(world, 'mailed');
      return c.letters.markReturned({ idempotencyKey: key(), letterId: letter.id });
    },
  },
};
