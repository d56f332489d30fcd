import { DAY_MS } from '@arrears/shared/domain/calendar';
import { and, asc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../../db/client.ts';
import { signInAttempts, signInThrottle } from '../../db/schema/index.ts';

/**
 * How one kind of key backs off: `free` attempts of a streak go straight through, the last of them making the
 * next one wait `baseMs`; each further one doubles the wait, up to `capMs`. Never a hard lock.
 */
export interface BackoffPolicy {
  free: number;
  baseMs: number;
  capMs: number;
}

export const THROTTLE_POLICIES = {
  /** One address guessing one account: the tightest. */
  addressAccount: { free: 5, baseMs: 2_000, capMs: 15 * 60_000 },
  /** One address spraying many accounts (or an office behind one NAT: roomy). */
  address: { free: 30, baseMs: 1_000, capMs: 15 * 60_000 },
  /** One account from every address at once: gentle and bounded, so an attacker cannot keep the user out long. */
  account: { free: 20, baseMs: 1_000, capMs: 60_000 },
} as const satisfies Record<string, BackoffPolicy>;

export type ThrottleKind = keyof typeof THROTTLE_POLICIES;

/** A streak is forgotten after this long without an attempt: longer than any wait, so waiting never resets it. */
export const STREAK_RESET_MS = 60 * 60_000;
/** An address an account signed in from within this long is known: it skips the per-account backoff. */
export const KNOWN_ADDRESS_MS = 30 * DAY_MS;
/** The record of checked attempts is kept this long. */
export const ATTEMPT_RETENTION_MS = 30 * DAY_MS;

/** The wait an attempt sets for the next one when it is the `attempts`-th of its streak. */
export function backoffMs(policy: BackoffPolicy, attempts: number): number {
  if (attempts < policy.free) return 0;
  return Math.min(policy.capMs, policy.baseMs * 2 ** (attempts - policy.free));
}

interface ThrottleKey {
  kind: ThrottleKind;
  key: string;
}

function keysOf(email: string, ip: string | null): ThrottleKey[] {
  const address = ip ?? 'unknown';
  const keys: ThrottleKey[] = [
    { kind: 'addressAccount', key: `address-account:${address} ${email}` },
    { kind: 'address', key: `address:${address}` },
    { kind: 'account', key: `account:${email}` },
  ];
  // One global order of locking, so two attempts sharing keys never wait on each other in a circle.
  return keys.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export type Admission =
  | { admitted: true }
  | { admitted: false; retryAfterSeconds: number; waitingOn: ThrottleKind[] };

/**
 * Lets an attempt through to the password check, or not, and charges it to its keys as a failure BEFORE the
 * check: the rows are locked for the decision, so a burst of parallel attempts is admitted one at a time and
 * the ones after the allowance wait. A success settles the charge afterwards (`settleSuccess`).
 */
export async function admitAttempt(
  db: Database,
  options: { email: string; ip: string | null; now: Date },
): Promise<Admission> {
  const { now } = options;
  const keys = keysOf(options.email, options.ip);
  return db.transaction(async (tx) => {
    const rows = await lockKeys(tx, keys);
    const known = rows.get(keys.find((k) => k.kind === 'addressAccount')!.key)?.lastSuccessAt;
    const applicable = keys.filter(
      (k) => k.kind !== 'account' || !known || now.getTime() - known.getTime() > KNOWN_ADDRESS_MS,
    );
    const waiting = applicable.filter((k) => (rows.get(k.key)?.blockedUntil?.getTime() ?? 0) > now.getTime());
    if (waiting.length > 0) {
      const until = Math.max(...waiting.map((k) => rows.get(k.key)!.blockedUntil!.getTime()));
      return {
        admitted: false,
        retryAfterSeconds: Math.ceil((until - now.getTime()) / 1000),
        waitingOn: waiting.map((k) => k.kind),
      };
    }
    for (const k of applicable) {
      const row = rows.get(k.key);
      const streakLive = row?.lastFailureAt && now.getTime() - row.lastFailureAt.getTime() < STREAK_RESET_MS;
      const failures = (streakLive ? row.failures : 0) + 1;
      await tx
        .update(signInThrottle)
        .set({
          failures,
          lastFailureAt: now,
          blockedUntil: new Date(now.getTime() + backoffMs(THROTTLE_POLICIES[k.kind], failures)),
        })
        .where(eq(signInThrottle.key, k.key));
    }
    return { admitted: true };
  });
}

async function lockKeys(tx: Transaction, keys: ThrottleKey[]) {
  await tx
    .insert(signInThrottle)
    .values(keys.map((k) => ({ key: k.key })))
    .onConflictDoNothing();
  const rows = await tx
    .select()
    .from(signInThrottle)
    .where(
      inArray(
        signInThrottle.key,
        keys.map((k) => k.key),
      ),
    )
    .orderBy(asc(signInThrottle.key))
    .for('update');
  return new Map(rows.map((row) => [row.key, row]));
}

/**
 * The right password: the account and this address-and-account start afresh (the address becomes known), and
 * the address gets back the one attempt it was charged, so an office signing in behind one address never
 * backs off while an attacker's failures there still count.
 */
export async function settleSuccess(
  db: Database,
  options: { email: string; ip: string | null; now: Date },
): Promise<void> {
  const keys = keysOf(options.email, options.ip);
  const keyOf = (kind: ThrottleKind) => keys.find((k) => k.kind === kind)!.key;
  const fresh = { failures: 0, blockedUntil: null };
  await db
    .update(signInThrottle)
    .set({ ...fresh, lastSuccessAt: options.now })
    .where(eq(signInThrottle.key, keyOf('addressAccount')));
  await db
    .update(signInThrottle)
    .set(fresh)
    .where(eq(signInThrottle.key, keyOf('account')));
  await db
    .update(signInThrottle)
    .set({ failures: sql`greatest(${signInThrottle.failures} - 1, 0)` })
    .where(eq(signInThrottle.key, keyOf('address')));
}

export async function recordAttempt(
  db: Database,
  email: string,
  ip: string | null,
  succeeded: boolean,
  now: Date,
) {
  await db.insert(signInAttempts).values({ email, ip, succeeded, at: now });
}

/** Drops streaks long over (keeping known addresses) and attempts past their retention. */
export async function pruneThrottle(db: Database, now: Date): Promise<void> {
  const streakOver = new Date(now.getTime() - STREAK_RESET_MS);
  await db
    .delete(signInThrottle)
    .where(
      and(
        or(isNull(signInThrottle.lastFailureAt), lt(signInThrottle.lastFailureAt, streakOver)),
        or(isNull(signInThrottle.blockedUntil), lt(signInThrottle.blockedUntil, now)),
        or(
          isNull(signInThrottle.lastSuccessAt),
          lt(signInThrottle.lastSuccessAt, new Date(now.getTime() - KNOWN_ADDRESS_MS)),
        ),
      ),
    );
  await db
    .delete(signInAttempts)
    .where(lt(signInAttempts.at, new Date(now.getTime() - ATTEMPT_RETENTION_MS)));
}
