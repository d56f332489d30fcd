import type { SessionUser } from '@arrears/shared/schemas/auth';
import type { Database } from '../../../server/src/db/client.ts';
import { hashToken } from '../../../server/src/modules/auth/session.ts';
import type { Context } from '../../../server/src/trpc/context.ts';
import { createCaller } from '../../../server/src/trpc/router.ts';

export interface CookieLog {
  set: Array<{ token: string; expiresAt: Date }>;
  cleared: number;
}

/** A tRPC caller as `user` (or signed out), with a pinned clock and a cookie jar that records what was set. */
export function callerFor(
  db: Database,
  user: SessionUser | null,
  options: { now?: Date; ip?: string; sessionToken?: string } = {},
) {
  const cookies: CookieLog = { set: [], cleared: 0 };
  const ctx: Context = {
    db,
    user,
    sessionTokenHash: options.sessionToken ? hashToken(options.sessionToken) : null,
    ip: options.ip ?? '127.0.0.1',
    userAgent: 'vitest',
    sessionTtlHours: 12,
    now: () => options.now ?? new Date(),
    cookies: {
      set: (token, expiresAt) => cookies.set.push({ token, expiresAt }),
      clear: () => {
        cookies.cleared++;
      },
    },
  };
  return { caller: createCaller(ctx), cookies };
}
