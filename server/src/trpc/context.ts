import type { Permission } from '@arrears/shared/auth/roles';
import type { SessionUser } from '@arrears/shared/schemas/auth';
import type { Database } from '../db/client.ts';

/** How a procedure sets or clears the session cookie without knowing about Express. */
export interface SessionCookieJar {
  set(token: string, expiresAt: Date): void;
  clear(): void;
}

export interface Context {
  db: Database;
  /** The signed-in user, resolved from the session cookie; null when signed out. */
  user: SessionUser | null;
  sessionTokenHash: string | null;
  ip: string | null;
  userAgent: string | null;
  cookies: SessionCookieJar;
  sessionTtlHours: number;
  /** The clock, injectable so tests can pin "now". */
  now: () => Date;
  /**
   * Set on requests over HTTP: per-user rate limits apply (decision 018). In-process callers (jobs, scripts,
   * tests) are not people pressing keys and are not limited.
   */
  rateLimited?: boolean;
}

/** What a procedure declares about itself: the permission it requires, when it requires one. */
export interface ProcedureMeta {
  permission?: Permission;
}
