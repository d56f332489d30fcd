import { errorMessage } from '@arrears/shared/errors/messages';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { rateLimitState } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';

/** `burst` requests at once, then one per `intervalMs` on average. */
export interface RatePolicy {
  burst: number;
  intervalMs: number;
}

export type RateVerdict = { allowed: true } | { allowed: false; retryAt: Date; refused: number };

/**
 * Spends one request of `key`'s allowance, or refuses it (decision 018). One upsert on one row: the row lock
 * serialises concurrent requests for the same key across server instances, and different keys never wait on each
 * other. `now` comes from the caller so the clock stays injectable.
 */
export async function spendRate(
  db: Executor,
  key: string,
  policy: RatePolicy,
  now: Date,
): Promise<RateVerdict> {
  const interval = sql.raw(`interval '${Math.round(policy.intervalMs)} milliseconds'`);
  // A request is allowed while the allowance is spent at most this far ahead of now.
  const latest = new Date(now.getTime() + (policy.burst - 1) * policy.intervalMs);
  const allowed = sql`${rateLimitState.spentUntil} <= ${latest.toISOString()}::timestamptz`;
  const [row] = await db
    .insert(rateLimitState)
    .values({ key, spentUntil: new Date(now.getTime() + policy.intervalMs), refused: 0 })
    .onConflictDoUpdate({
      target: rateLimitState.key,
      set: {
        spentUntil: sql`case when ${allowed}
          then greatest(${rateLimitState.spentUntil} + ${interval}, excluded.spent_until)
          else ${rateLimitState.spentUntil} end`,
        refused: sql`case when ${allowed} then 0 else ${rateLimitState.refused} + 1 end`,
      },
    })
    .returning({ spentUntil: rateLimitState.spentUntil, refused: rateLimitState.refused });
  if (!row || row.refused === 0) return { allowed: true };
  return {
    allowed: false,
    retryAt: new Date(row.spentUntil.getTime() - (policy.burst - 1) * policy.intervalMs),
    refused: row.refused,
  };
}

/** A refusal of the catalogue that says in how many seconds to try again. */
export type RateRefusal = 'queue.nextTooOften' | 'integration.tooOften';

/** Spends one request of `key`'s allowance, or throws TOO_MANY_ATTEMPTS: `refusal` and when to try again. */
export async function enforceRate(
  db: Executor,
  key: string,
  policy: RatePolicy,
  now: Date,
  refusal: RateRefusal,
): Promise<void> {
  const verdict = await spendRate(db, key, policy, now);
  if (verdict.allowed) return;
  const retryAfterSeconds = Math.max(1, Math.ceil((verdict.retryAt.getTime() - now.getTime()) / 1000));
  throw new AppError('TOO_MANY_ATTEMPTS', errorMessage(refusal, { seconds: retryAfterSeconds }), {
    retryAfterSeconds,
    retryAt: verdict.retryAt.toISOString(),
  });
}
