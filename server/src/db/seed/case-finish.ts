import type { BookContext } from './context.ts';
import type { HistoryWriter } from './history-writer.ts';
import type { Random } from './random.ts';
import type { CaseStory } from './story.ts';
import { textsFor } from './texts.ts';

/** Notes agents left on the case, and when the queue may offer it next. */
export function finishCase(story: CaseStory, writer: HistoryWriter, rng: Random, ctx: BookContext): void {
  const worked = story.contacts.filter((c) => c.agent !== null);
  if (worked.length > 0 && rng.chance(0.25)) {
    const contact = rng.pick(worked);
    story.notes.push({
      at: contact.at + rng.int(3, 20),
      author: contact.agent!,
      body: rng.pick(textsFor(story.debtor.country).caseNotes),
    });
  }
  story.nextWorkableAt = workable(story) ? writer.nextCallAt(ctx.clock(story.debtor.zone).now) : null;
}

/** Whether anything may be collected at all: open, not on hold, no flag or open dispute that stops collection. */
export function workable(story: CaseStory): boolean {
  const { debtor } = story;
  if (story.status !== 'active' || story.holdUntil !== null) return false;
  if (
    debtor.ceaseRequestedAt !== null ||
    debtor.attorney !== null ||
    debtor.bankruptcyFiledAt !== null ||
    debtor.deceasedAt !== null
  )
    return false;
  if (story.agencyPlacements.some((p) => p.status === 'placed')) return false;
  return !story.disputes.some((d) => d.verificationSentAt === null);
}
