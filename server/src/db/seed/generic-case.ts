import { planCaseEvents } from './case-events.ts';
import { finishCase } from './case-finish.ts';
import { makeCaseStory } from './case-story.ts';
import type { BookContext } from './context.ts';
import { planHistory } from './history.ts';
import { planLadder } from './ladder-story.ts';
import { planLedger } from './promises.ts';
import { createRandom, hashSeed } from './random.ts';
import type { CaseStory } from './story.ts';

/**
 * The n-th case of the book, from its own random stream: facts, the events that change its course, its
 * ladder, its contact history, its ledger. The order matters: each step only plans inside what the earlier
 * ones left open.
 */
export function makeGenericCase(n: number, ctx: BookContext): CaseStory {
  const rng = createRandom(hashSeed(ctx.seed, n));
  const { story, frame, daysPastDue } = makeCaseStory(n, rng, ctx);
  planCaseEvents(story, frame, rng, ctx, daysPastDue);
  planLadder(story, frame, rng, ctx, daysPastDue);
  const writer = planHistory(story, frame, rng, ctx);
  planLedger(story, frame, writer.conversations, rng, ctx);
  finishCase(story, writer, rng, ctx);
  return story;
}
