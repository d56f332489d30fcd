import { errorMessage } from '@arrears/shared/errors/messages';
import type { SessionUser } from '@arrears/shared/schemas/auth';
import type { NextCaseOutput, NothingWorkable } from '@arrears/shared/schemas/queues';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { type Database, type Executor, queryRows } from '../../db/client.ts';
import { cases } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { findCaseInScope, judgeLoaded } from '../case-core/case-core.service.ts';
import {
  type Candidate,
  claimable,
  claimCandidate,
  heldLookingWorkable,
  nextOpensAt,
  ownCases,
  poolCases,
  QUEUED_CASES,
  q as queueRow,
  unjudgedLater,
} from './next-case.queries.ts';
import { refreshCases } from './projection.ts';

/** A claim lasts this long: long enough to work a case, short enough that an abandoned one returns to the pool. */
export const CLAIM_MINUTES = 15;
/** Candidates whose stored instant proved stale are re-judged and skipped; this bounds one press of the key. */
const MAX_STALE_CANDIDATES = 20;
/** After a stale candidate, the next ones of the same queue are re-judged together (one batch, not one by one). */
const STALE_SLICE = 50;
/** Cases never judged by the engine are judged before an opening is named, this many slices at most per press. */
const UNJUDGED_SLICES = 10;

type Picked =
  | { kind: 'claimed'; caseId: string; source: 'mine' | 'team_pool'; claimExpiresAt: Date }
  | { kind: 'stale'; caseId: string; source: SQL }
  | { kind: 'none' };

/** Thrown inside the claiming transaction to roll the claim back when the engine does not confirm the case. */
class StaleCandidate extends Error {
  constructor(readonly candidate: Candidate) {
    super('stale candidate');
  }
}

/**
 * "Next case": claims the highest-priority case the agent can call now, from their own cases first, then their
 * team's pool. One statement walks the stored priority and workable instant, FOR UPDATE SKIP LOCKED so that
 * concurrent agents never take the same row, claims it (a pool case becomes the agent's, audited) and reads its
 * facts; the engine then confirms the call is allowed now (a window may have closed since the instant was stored),
 * else the claim is rolled back, the case and the next ones of its queue are re-judged and stored, and the walk goes
 * on. Cases the agent already holds a live claim on are not handed out again.
 */
export async function nextCase(
  db: Database,
  { user, now }: { user: SessionUser; now: Date },
): Promise<NextCaseOutput> {
  // Cases stored as workable that this press judged again and found blocked: the agent saw them as workable.
  const closedSince = new Set<string>();
  let judgedUnexplained = false;
  for (let stale = 0; stale <= MAX_STALE_CANDIDATES; stale++) {
    const picked = await pickAndClaim(db, user, now);
    if (picked.kind === 'claimed') return claimed(picked);
    if (picked.kind === 'none') {
      // A stored instant no judgement explains (the demo seed's estimate) may be later than the truth: judged, such
      // a case can prove workable now, and is then picked like any other.
      if (!judgedUnexplained) {
        judgedUnexplained = true;
        if (await judgeUnexplained(db, user, now)) continue;
      }
      return nothingWorkable(db, user, now, { closedSince, stillChecking: false });
    }
    await db.transaction(async (tx) => {
      const ids = await queryRows<{ id: string }>(
        tx,
        sql`select ${queueRow.caseId} as id from ${QUEUED_CASES} where ${claimable(picked.source, now)}
            order by ${queueRow.priority} desc, ${queueRow.caseId} desc limit ${STALE_SLICE}
            for update of ${cases} skip locked`,
      );
      const judged = await refreshCases(tx, [...new Set([picked.caseId, ...ids.map((row) => row.id)])], now);
      for (const row of judged) {
        if (row.nextWorkableAt === null || row.nextWorkableAt > now) closedSince.add(row.caseId);
      }
    });
  }
  return nothingWorkable(db, user, now, { closedSince, stillChecking: true });
}

/**
 * One transaction: the statement that picks and claims, sent with its BEGIN, then COMMIT, or ROLLBACK when the
 * engine does not confirm the case.
 */
async function pickAndClaim(db: Database, user: SessionUser, now: Date): Promise<Picked> {
  const claimExpiresAt = new Date(now.getTime() + CLAIM_MINUTES * 60_000);
  try {
    return await claimCandidate(db, user, { now, expires: claimExpiresAt }, (candidate): Picked => {
      if (!candidate) return { kind: 'none' };
      if (!stillWorkable(candidate, now)) throw new StaleCandidate(candidate);
      return { kind: 'claimed', caseId: candidate.id, source: candidate.source, claimExpiresAt };
    });
  } catch (error) {
    if (!(error instanceof StaleCandidate)) throw error;
    const { candidate } = error;
    const source = candidate.source === 'mine' ? ownCases(user.id) : poolCases(user.teamIds);
    return { kind: 'stale', caseId: candidate.id, source };
  }
}

/**
 * Confirms a stored "workable now" with the engine, on every fact but the contact history (read with the pick):
 * history only ever loosens a frequency rule as time passes, and every recorded contact refreshes the instant
 * itself. What time can close is the daily calling window, and what a change that skipped its refresh can add is a
 * flag, an opt-out or a dispute; those are read. A stored instant that proves stale is then re-judged in full.
 */
function stillWorkable(candidate: Candidate, now: Date): boolean {
  const { nextWorkableAt } = judgeLoaded(candidate.loaded, now);
  return nextWorkableAt !== null && nextWorkableAt <= now;
}

function claimed(picked: Extract<Picked, { kind: 'claimed' }>): NextCaseOutput {
  return {
    caseId: picked.caseId,
    source: picked.source,
    claimExpiresAt: picked.claimExpiresAt.toISOString(),
    nothing: null,
  };
}

/**
 * Nothing handed out: when the next case opens, and why rows that look workable were passed over. The opening is
 * read from instants the engine stored, as the queue rows show them (cases never judged are judged first).
 */
async function nothingWorkable(
  db: Database,
  user: SessionUser,
  now: Date,
  press: { closedSince: ReadonlySet<string>; stillChecking: boolean },
): Promise<NextCaseOutput> {
  const [opens, held] = await Promise.all([nextOpensAt(db, user, now), heldLookingWorkable(db, user, now)]);
  const nothing: NothingWorkable = {
    nextOpensAt: opens?.toISOString() ?? null,
    passedOver: { ...held, closedSince: press.closedSince.size },
    stillChecking: press.stillChecking,
  };
  return { caseId: null, source: null, claimExpiresAt: null, nothing };
}

/**
 * Judges the agent's and the pool's cases whose stored later instant no judgement has explained, slice by slice, and
 * stores what the engine says. Returns whether any of them is workable now.
 */
async function judgeUnexplained(db: Database, user: SessionUser, now: Date): Promise<boolean> {
  let workableNow = false;
  for (let slice = 0; slice < UNJUDGED_SLICES; slice++) {
    const judged = await db.transaction(async (tx) => {
      const ids = await unjudgedLater(tx, user, now, STALE_SLICE);
      if (ids.length === 0) return 0;
      const rows = await refreshCases(tx, ids, now);
      if (rows.some((row) => row.nextWorkableAt !== null && row.nextWorkableAt <= now)) workableNow = true;
      return ids.length;
    });
    if (judged < STALE_SLICE) break;
  }
  return workableNow;
}

/**
 * Gives up the agent's claim on a case (live or expired); the case stays assigned to them. A case outside their
 * scope answers NOT_FOUND; one they hold no claim on, CONFLICT.
 */
export async function releaseClaim(db: Executor, user: SessionUser, caseId: string): Promise<void> {
  const released = await db
    .update(cases)
    .set({ claimedBy: null, claimExpiresAt: null })
    .where(and(eq(cases.id, caseId), eq(cases.claimedBy, user.id)))
    .returning({ id: cases.id });
  if (released.length > 0) return;
  await findCaseInScope(db, user, caseId);
  throw new AppError('CONFLICT', errorMessage('queue.noClaim'));
}
