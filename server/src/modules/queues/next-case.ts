import type { SessionUser } from '@arrears/shared/schemas/auth';
import type { NextCaseOutput } from '@arrears/shared/schemas/queues';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { type Database, type Executor, queryRows, type Transaction } from '../../db/client.ts';
import { auditEvents, cases } from '../../db/schema/index.ts';
import { statement } from '../../db/statement.ts';
import { AppError } from '../../errors.ts';
import { findCaseInScope } from '../cases/case-scope.ts';
import { judgeLoaded } from './judge.ts';
import {
  type Candidate,
  claimable,
  nextOpensAt,
  ownCases,
  pickCandidate,
  poolCases,
} from './next-case.queries.ts';
import { refreshCases } from './workability.ts';

/** A claim lasts this long: long enough to work a case, short enough that an abandoned one returns to the pool. */
export const CLAIM_MINUTES = 15;
/** Candidates whose stored instant proved stale are re-judged and skipped; this bounds one press of the key. */
const MAX_STALE_CANDIDATES = 20;
/** After a stale candidate, the next ones of the same queue are re-judged together (one batch, not one by one). */
const STALE_SLICE = 50;

type ClaimValues = { agent: string; caseId: string; expires: string; now: string };

/** Claims one of the agent's own cases (the row is locked by the pick). */
const claimOwn = statement<ClaimValues, never>(
  (
    slot,
  ) => sql`update ${cases} set claimed_by = ${slot.agent}::uuid, claim_expires_at = ${slot.expires}::timestamptz
    where ${cases.id} = ${slot.caseId}::uuid`,
);

/**
 * Claims a pool case: it becomes the agent's (a new version) and the move is audited, in one statement so the
 * case and its audit row cannot part.
 */
const claimFromPool = statement<ClaimValues, never>(
  (slot) => sql`with claimed as (
      update ${cases} set claimed_by = ${slot.agent}::uuid, claim_expires_at = ${slot.expires}::timestamptz,
        assigned_agent_id = ${slot.agent}::uuid, version = ${cases.version} + 1, updated_at = ${slot.now}::timestamptz
      where ${cases.id} = ${slot.caseId}::uuid
      returning ${cases.id} as id)
    insert into ${auditEvents} (actor_id, action, entity_type, entity_id, case_id, before, after)
    select ${slot.agent}::uuid, 'queue.claimFromPool', 'case', claimed.id::text, claimed.id,
      jsonb_build_object('assignedAgentId', null),
      jsonb_build_object('assignedAgentId', ${slot.agent}::text, 'claimExpiresAt', ${slot.expires}::text)
    from claimed`,
);

type Picked =
  | { kind: 'claimed'; caseId: string; source: 'mine' | 'team_pool'; claimExpiresAt: Date }
  | { kind: 'stale'; source: SQL }
  | { kind: 'none' };

/**
 * "Next case": claims the highest-priority case the agent can call now, from their own cases first, then their
 * team's pool. The pick is an index walk on the stored priority and workable instant, FOR UPDATE SKIP LOCKED so
 * that concurrent agents never take the same row; the engine then confirms the call is allowed now (a window may
 * have closed since the instant was stored), else the case is re-judged, stored and the walk goes on. A pool case
 * becomes the agent's (audited). Cases the agent already holds a live claim on are not handed out again.
 */
export async function nextCase(
  db: Database,
  { user, now }: { user: SessionUser; now: Date },
): Promise<NextCaseOutput> {
  for (let stale = 0; stale <= MAX_STALE_CANDIDATES; stale++) {
    const picked = await db.transaction((tx) => pickAndClaim(tx, user, now));
    if (picked.kind === 'claimed') return claimed(picked);
    if (picked.kind === 'none') return nothingWorkable(db, user, now);
    await db.transaction(async (tx) => {
      const ids = await queryRows<{ id: string }>(
        tx,
        sql`select ${cases.id} as id from ${cases} where ${claimable(picked.source, now)}
            order by ${cases.priority} desc, ${cases.id} desc limit ${STALE_SLICE} for update skip locked`,
      );
      await refreshCases(
        tx,
        ids.map((row) => row.id),
        now,
      );
    });
  }
  return {
    caseId: null,
    source: null,
    claimExpiresAt: null,
    nextOpensAt: null,
    reason:
      'Many cases changed since they were last judged; they are being re-checked, press again in a moment.',
  };
}

async function pickAndClaim(tx: Transaction, user: SessionUser, now: Date): Promise<Picked> {
  // Own cases first, then the pool: one statement walks the pool only when no own case is claimable.
  const candidate = await pickCandidate(tx, user, now);
  if (!candidate) return { kind: 'none' };
  const { source } = candidate;
  if (!stillWorkable(candidate, now)) {
    await refreshCases(tx, [candidate.id], now);
    return { kind: 'stale', source: source === 'mine' ? ownCases(user.id) : poolCases(user.teamIds) };
  }
  const claimExpiresAt = new Date(now.getTime() + CLAIM_MINUTES * 60_000);
  const claim = candidate.assignedAgentId === null ? claimFromPool : claimOwn;
  await claim(tx, {
    agent: user.id,
    caseId: candidate.id,
    expires: claimExpiresAt.toISOString(),
    now: now.toISOString(),
  });
  return { kind: 'claimed', caseId: candidate.id, source, claimExpiresAt };
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
    nextOpensAt: null,
    reason: null,
  };
}

async function nothingWorkable(db: Executor, user: SessionUser, now: Date): Promise<NextCaseOutput> {
  const opens = await nextOpensAt(db, user, now);
  return {
    caseId: null,
    source: null,
    claimExpiresAt: null,
    nextOpensAt: opens?.toISOString() ?? null,
    reason:
      opens === null
        ? "Nothing workable now: no case of yours or of your team's pool can be reached by phone."
        : `Nothing workable now; the next case opens at ${opens.toISOString()}.`,
  };
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
  throw new AppError('CONFLICT', 'You hold no claim on this case.');
}
