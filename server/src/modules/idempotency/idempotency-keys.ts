import { createHash } from 'node:crypto';
import { errorMessage } from '@arrears/shared/errors/messages';
import { and, eq, lt, sql } from 'drizzle-orm';
import { type Executor, queryRows, type Transaction } from '../../db/client.ts';
import { idempotencyKeys } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';

/** How long a key answers retries; after that the same key is a new request (decision 022). */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 3_600_000;

export interface KeyedRequest {
  userId: string;
  key: string;
  procedure: string;
  requestHash: string;
  now: Date;
}

/** What a claimed key says: run the request, or answer the response stored by the first one. */
export type Claim = { fresh: true } | { fresh: false; response: unknown };

/**
 * SHA-256 of the input's canonical JSON (object keys sorted, the idempotency key left out), so two sends of the
 * same request hash alike whatever order the client wrote the fields in, and any changed value hashes apart.
 */
export function requestHash(input: Record<string, unknown>): string {
  const { idempotencyKey: _key, ...request } = input;
  return createHash('sha256').update(canonicalJson(request)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** How long a duplicate waits for the first request with its key to finish before answering "still running". */
export const IN_FLIGHT_WAIT_MS = 5_000;
const POLL_MS = 25;

/**
 * Claims `key` for this request inside the transaction that will do the write. A transaction-scoped advisory lock
 * on the key serializes duplicates: one sent while the first is still running waits up to IN_FLIGHT_WAIT_MS and
 * then answers with the first one's response, or 409 (retry) if it is still running. An expired row is taken
 * over. A committed row always holds its response: it is written in the same transaction as the write.
 */
export async function claimKey(tx: Transaction, request: KeyedRequest): Promise<Claim> {
  const { userId, key, procedure, now } = request;
  if (!(await lockKey(tx, `idempotency:${userId}:${key}`))) {
    throw new AppError('CONFLICT', errorMessage('request.inProgress'), {
      retryable: true,
    });
  }
  const claimed = await tx
    .insert(idempotencyKeys)
    .values({ userId, key, procedure, requestHash: request.requestHash, response: null, createdAt: now })
    .onConflictDoUpdate({
      target: [idempotencyKeys.userId, idempotencyKeys.key],
      set: { procedure, requestHash: request.requestHash, response: null, createdAt: now },
      setWhere: lt(idempotencyKeys.createdAt, new Date(now.getTime() - IDEMPOTENCY_KEY_TTL_MS)),
    })
    .returning({ key: idempotencyKeys.key });
  if (claimed.length > 0) return { fresh: true };
  const [first] = await tx
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)));
  if (!first || first.procedure !== procedure || first.requestHash !== request.requestHash) {
    throw new AppError('CONFLICT', errorMessage('request.keyReused'));
  }
  return { fresh: false, response: first.response };
}

/** Polls a try-lock rather than waiting in the lock queue, so the wait is bounded without a lock_timeout. */
async function lockKey(tx: Transaction, name: string): Promise<boolean> {
  for (let waited = 0; ; waited += POLL_MS) {
    const [lock] = await queryRows<{ locked: boolean }>(
      tx,
      sql`select pg_try_advisory_xact_lock(hashtextextended(${name}, 0)) as locked`,
    );
    if (lock?.locked) return true;
    if (waited >= IN_FLIGHT_WAIT_MS) return false;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Stores the answer the first request got, for its retries. */
export async function completeKey(tx: Transaction, request: KeyedRequest, response: unknown): Promise<void> {
  await tx
    .update(idempotencyKeys)
    .set({ response: response ?? null })
    .where(and(eq(idempotencyKeys.userId, request.userId), eq(idempotencyKeys.key, request.key)));
}

/** Frees the key of a request that failed, so a retry runs it again. */
export async function releaseKey(tx: Transaction, request: KeyedRequest): Promise<void> {
  await tx
    .delete(idempotencyKeys)
    .where(and(eq(idempotencyKeys.userId, request.userId), eq(idempotencyKeys.key, request.key)));
}

/** Drops keys past their 24 hours; run by the job queue. */
export async function pruneIdempotencyKeys(db: Executor, now: Date): Promise<number> {
  const pruned = await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, new Date(now.getTime() - IDEMPOTENCY_KEY_TTL_MS)))
    .returning({ key: idempotencyKeys.key });
  return pruned.length;
}
