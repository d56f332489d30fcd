import { displayReason } from '@arrears/shared/compliance/reasons/render';
import type { SessionUser } from '@arrears/shared/schemas/auth';
import {
  QUEUES,
  type QueueCounts,
  type QueueListOutput,
  type QueueRow,
  type queueListInput,
  type WorkBlock,
} from '@arrears/shared/schemas/queues';
import type { z } from 'zod';
import type { Executor } from '../../db/client.ts';
import { judgeLoaded, loadFactsForCases, type Workability } from '../case-core/case-core.service.ts';
import { queueMembership } from './queue-membership.ts';
import { countQueue, queuePageAndCount } from './queues.queries.ts';
import { resolveViewer } from './viewer.ts';

type CaseWorker = SessionUser & { role: 'agent' | 'supervisor' };

interface ServiceOptions<Input> {
  user: CaseWorker;
  input: Input;
  now: Date;
}

/**
 * A page of one queue. Rows are selected and ordered by the stored workability and priority (index walks), and a
 * row that cannot be worked now is explained by what the same refresh stored: the blocking rule and reason, and
 * the workable instant as the opening time. Only a row never judged (no stored reason) is judged by the engine
 * here, and that live verdict is shown.
 */
export async function listQueue(
  db: Executor,
  { user, input, now }: ServiceOptions<z.output<typeof queueListInput>>,
): Promise<QueueListOutput> {
  const viewer = await resolveViewer(db, user, input.agentId);
  const membership = queueMembership(input.queue, viewer, now);
  const { rows, total } = await queuePageAndCount(db, membership, input, now);
  const unexplained = rows
    .filter((row) => !workableBy(row.nextWorkableAt, now) && row.blockedReasonCode === null)
    .map((row) => row.id);
  const judged = new Map<string, Workability>();
  for (const [caseId, loaded] of await loadFactsForCases(db, unexplained, now)) {
    judged.set(caseId, judgeLoaded(loaded, now));
  }
  return {
    rows: rows.map((row): QueueRow => {
      const live = judged.get(row.id);
      const nextWorkableAt = live ? live.nextWorkableAt : row.nextWorkableAt;
      const workableNow = workableBy(nextWorkableAt, now);
      const claimLive = row.claimedBy !== null && row.claimExpiresAt !== null && row.claimExpiresAt > now;
      return {
        id: row.id,
        accountRef: row.accountRef,
        debtorName: row.debtorName,
        currency: row.currency,
        balanceMinor: row.balanceMinor,
        daysPastDue: row.daysPastDue,
        bucket: row.bucket,
        stage: row.stage,
        priority: row.priority,
        lastContactAt: row.lastContactAt?.toISOString() ?? null,
        nextWorkableAt: nextWorkableAt?.toISOString() ?? null,
        workableNow,
        blockedBy: workableNow ? null : (live?.blockedBy ?? storedBlock(row)),
        claim: claimLive ? (row.claimedBy === viewer.id ? 'mine' : 'other') : null,
      };
    }),
    total,
    page: input.page,
    pageSize: input.pageSize,
    evaluatedAt: now.toISOString(),
  };
}

/**
 * What the last refresh stored about why the row cannot be worked: its rule, reason code and opening (the English
 * text rendered from the code). No stored code: never judged.
 */
function storedBlock(row: {
  nextWorkableAt: Date | null;
  blockedRuleId: string | null;
  blockedReasonCode: string | null;
  blockedReasonParams: WorkBlock['reasonParams'];
}): WorkBlock | null {
  if (row.blockedReasonCode === null) return null;
  return {
    ruleId: row.blockedRuleId,
    reason: displayReason({ reasonCode: row.blockedReasonCode, reasonParams: row.blockedReasonParams }),
    reasonCode: row.blockedReasonCode,
    reasonParams: row.blockedReasonParams,
    nextAllowedAt: row.nextWorkableAt?.toISOString() ?? null,
  };
}

function workableBy(nextWorkableAt: Date | null, now: Date): boolean {
  return nextWorkableAt !== null && nextWorkableAt <= now;
}

/** The sidebar: how many cases each queue holds for the viewer (each count capped; see countQueue). */
export async function queueCounts(
  db: Executor,
  { user, input, now }: ServiceOptions<{ agentId?: string | undefined }>,
): Promise<QueueCounts> {
  const viewer = await resolveViewer(db, user, input.agentId);
  const counts = await Promise.all(
    QUEUES.map((queue) => countQueue(db, queueMembership(queue, viewer, now), now)),
  );
  return Object.fromEntries(QUEUES.map((queue, i) => [queue, counts[i]!])) as QueueCounts;
}

/**
 * The queue projection, the one writer of the queue columns (importing this service registers it with case-core's
 * withCase), and the nightly re-judgement of every case's queue standing (the ladder roll runs it after settling).
 */
export { judgeCases, refreshWorkability } from './projection.ts';
export { refreshAllWorkability } from './workability-roll.ts';
