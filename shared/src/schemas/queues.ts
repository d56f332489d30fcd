import { z } from 'zod';
import { caseGlance } from './cases.ts';
import { reasonParams } from './compliance.ts';
import { pageInputOf, pageNumbers, sortDirection } from './pagination.ts';
import { id } from './primitives.ts';

/** The named work queues of the agent's workbench (decision record 007 defines each one's membership). */
export const QUEUES = [
  'mine',
  'promises_due_today',
  'broken_promises',
  'new_placements',
  'callbacks_due',
  'team_pool',
] as const;
export type Queue = (typeof QUEUES)[number];

export const QUEUE_SORT_FIELDS = ['priority', 'balance', 'daysPastDue', 'nextWorkableAt'] as const;
export type QueueSortField = (typeof QUEUE_SORT_FIELDS)[number];

/** A page of a queue is short on purpose: each row that cannot be worked now is explained by the engine. */
export const QUEUE_PAGE_SIZE_MAX = 50;

const agentId = id('agentId');

export const queueListInput = pageInputOf({
  min: 1,
  max: QUEUE_PAGE_SIZE_MAX,
  fallback: QUEUE_PAGE_SIZE_MAX,
}).extend({
  queue: z.enum(QUEUES, { error: `queue must be one of ${QUEUES.join(', ')}` }),
  sort: z
    .object({ field: z.enum(QUEUE_SORT_FIELDS), direction: sortDirection })
    .default({ field: 'priority', direction: 'desc' }),
  /** A supervisor looks at the queues of an agent of a team they run; agents see only their own. */
  agentId: agentId.optional(),
});
export type QueueListInput = z.input<typeof queueListInput>;

/** Why a case cannot be called now: the first violation of the engine's verdict and when the call opens. */
export const workBlock = z.object({
  /** Null when nothing was judged: the debtor has no phone number on file. */
  ruleId: z.string().nullable(),
  /** English; the text shown when there is no code (no phone, parameters that cannot be applied, a row judged before codes). */
  reason: z.string(),
  /** The engine's reason code and parameters (compliance/reasons), rendered in the reader's language; null without one. */
  reasonCode: z.string().nullable(),
  reasonParams: reasonParams.nullable(),
  /** ISO instant the call becomes allowed; null when no time or waiting lifts the block. */
  nextAllowedAt: z.string().nullable(),
});
export type WorkBlock = z.infer<typeof workBlock>;

export const queueRow = z.object({
  id: z.string().uuid(),
  ...caseGlance.shape,
  priority: z.number().int(),
  lastContactAt: z.string().nullable(),
  /** The earliest instant a call to one of the debtor's phones is allowed; null when no phone can be called. */
  nextWorkableAt: z.string().nullable(),
  workableNow: z.boolean(),
  /** Present exactly when `workableNow` is false. */
  blockedBy: workBlock.nullable(),
  /** A live next-case claim on the case: the viewer's own, someone else's, or none. */
  claim: z.enum(['mine', 'other']).nullable(),
});
export type QueueRow = z.infer<typeof queueRow>;

/** Totals stop counting at this many rows, so a count never costs more than a page of an index. */
export const QUEUE_COUNT_CAP = 1_000;

export const queueCount = z.object({
  count: z.number().int(),
  /** True when there are more than QUEUE_COUNT_CAP rows: `count` is the cap and the screen shows "1,000+". */
  capped: z.boolean(),
});

export const queueListOutput = z.object({
  rows: z.array(queueRow),
  total: queueCount,
  ...pageNumbers,
  evaluatedAt: z.string(),
});
export type QueueListOutput = z.infer<typeof queueListOutput>;

export const queueCountsInput = z.object({ agentId: agentId.optional() }).default({});
export const queueCountsOutput = z.object(
  Object.fromEntries(QUEUES.map((queue) => [queue, queueCount])) as Record<Queue, typeof queueCount>,
);
export type QueueCounts = z.infer<typeof queueCountsOutput>;

/**
 * Why "next case" handed nothing out, as facts the screen words in the agent's language and clock (never a
 * sentence to parse): when the next case opens, and the rows that look workable but were passed over, by why.
 */
export const nothingWorkable = z.object({
  /** The earliest instant one of the agent's or the pool's cases opens; null when none opens with time alone. */
  nextOpensAt: z.string().nullable(),
  passedOver: z.object({
    /** Held by the agent's own live claim: cases they opened in the last minutes, still on their screen. */
    yours: z.number().int(),
    /** Held by another agent's live claim. */
    others: z.number().int(),
    /** Stored as workable, judged again on this press and blocked now (a calling window closed since). */
    closedSince: z.number().int(),
  }),
  /** The press stopped after judging many such cases again: pressing again in a moment helps. */
  stillChecking: z.boolean(),
});
export type NothingWorkable = z.infer<typeof nothingWorkable>;

export const nextCaseOutput = z.object({
  /** The claimed case, or null when nothing can be worked now. */
  caseId: z.string().uuid().nullable(),
  /** Where it came from: the agent's own cases or the team pool (which assigns it to the agent). */
  source: z.enum(['mine', 'team_pool']).nullable(),
  claimExpiresAt: z.string().nullable(),
  /** Present exactly when no case was handed out: why, and when the next one opens. */
  nothing: nothingWorkable.nullable(),
});
export type NextCaseOutput = z.infer<typeof nextCaseOutput>;

export const releaseClaimInput = z.object({ caseId: id('caseId') });
export const releaseClaimOutput = z.object({ released: z.literal(true) });
