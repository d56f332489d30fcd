import { createHash, randomBytes } from 'node:crypto';
import type { SessionUser } from '@arrears/shared/schemas/auth';
import { and, eq, gt, lte } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { sessions, supervisorTeams, users } from '../../db/schema/index.ts';

export const SESSION_COOKIE = 'ad_session';

/** Only the SHA-256 of a token is stored, so a database dump cannot be replayed as sessions. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(
  db: Database,
  options: { userId: string; ttlHours: number; now: Date; ip: string | null; userAgent: string | null },
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(options.now.getTime() + options.ttlHours * 3_600_000);
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    userId: options.userId,
    expiresAt,
    lastSeenAt: options.now,
    ip: options.ip,
    userAgent: options.userAgent?.slice(0, 300) ?? null,
  });
  return { token, expiresAt };
}

export async function destroySession(db: Database, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** The user a session token belongs to, if the session is live and the user active. */
export async function resolveSession(db: Database, token: string, now: Date): Promise<SessionUser | null> {
  const tokenHash = hashToken(token);
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      teamId: users.teamId,
      locale: users.locale,
      timeZone: users.timeZone,
      language: users.language,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now), eq(users.active, true)))
    .limit(1);
  if (!row) return null;
  // Touch the session at most every five minutes: one write per request would be waste.
  if (now.getTime() - row.lastSeenAt.getTime() > 300_000) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
  }
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    teamIds: await teamIdsOf(db, row.id, row.role, row.teamId),
    locale: row.locale,
    timeZone: row.timeZone,
    language: row.language,
  };
}

/** An agent's team is their own; a supervisor's are the teams they run. */
export async function teamIdsOf(
  db: Database,
  userId: string,
  role: string,
  teamId: string | null,
): Promise<string[]> {
  if (role === 'supervisor') {
    const rows = await db
      .select({ teamId: supervisorTeams.teamId })
      .from(supervisorTeams)
      .where(eq(supervisorTeams.supervisorId, userId));
    return rows.map((r) => r.teamId);
  }
  return teamId ? [teamId] : [];
}

/** Drops expired sessions; called at start-up and hourly by the job `auth.prune`. */
export async function pruneSessions(db: Database, now: Date): Promise<void> {
  await db.delete(sessions).where(lte(sessions.expiresAt, now));
}
