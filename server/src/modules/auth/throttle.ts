import { and, count, eq, gt } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { signInAttempts } from '../../db/schema/index.ts';

/** Failed sign-ins are counted over this window, per email and per address. */
export const THROTTLE_WINDOW_MS = 15 * 60_000;
/** After this many failures the email is locked until the window passes. */
export const MAX_FAILURES_PER_EMAIL = 10;
export const MAX_FAILURES_PER_IP = 50;
/** From this many failures on, each attempt waits longer before answering. */
const SLOWDOWN_AFTER = 3;

export interface ThrottleState {
  locked: boolean;
  /** How long to wait before answering this attempt. */
  delayMs: number;
  retryAfterSeconds: number;
}

export async function throttleState(
  db: Database,
  email: string,
  ip: string | null,
  now: Date,
): Promise<ThrottleState> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const [byEmail] = await db
    .select({ n: count() })
    .from(signInAttempts)
    .where(
      and(eq(signInAttempts.email, email), eq(signInAttempts.succeeded, false), gt(signInAttempts.at, since)),
    );
  const [byIp] = ip
    ? await db
        .select({ n: count() })
        .from(signInAttempts)
        .where(
          and(eq(signInAttempts.ip, ip), eq(signInAttempts.succeeded, false), gt(signInAttempts.at, since)),
        )
    : [{ n: 0 }];
  const emailFailures = byEmail?.n ?? 0;
  const ipFailures = byIp?.n ?? 0;
  const locked = emailFailures >= MAX_FAILURES_PER_EMAIL || ipFailures >= MAX_FAILURES_PER_IP;
  const excess = Math.max(0, emailFailures - SLOWDOWN_AFTER + 1);
  return {
    locked,
    delayMs: excess === 0 ? 0 : Math.min(2000, 250 * 2 ** (excess - 1)),
    retryAfterSeconds: Math.ceil(THROTTLE_WINDOW_MS / 1000),
  };
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
