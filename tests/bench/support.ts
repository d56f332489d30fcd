import type { SessionUser } from '@arrears/shared/schemas/auth';
import { eq } from 'drizzle-orm';
import { type Database, type DatabaseHandle, openDatabase } from '../../server/src/db/client.ts';
import * as s from '../../server/src/db/schema/index.ts';
import { createCaller } from '../../server/src/trpc/router.ts';

/**
 * What the benches share: the book they run on (BENCH_DATABASE_URL, the one-million-case seed by default), p50/p95
 * of a list of durations, a timing loop, opening the book with a friendly error, and loading a demo user as the
 * session sees it.
 */
export const BENCH_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/arrears_seed';

export interface Timing {
  p50: number;
  p95: number;
}

export function percentiles(durations: number[]): Timing {
  const sorted = [...durations].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
  return { p50: at(0.5), p95: at(0.95) };
}

/** Runs `once` `runs` times one after the other, each call timed on its own; p50/p95 of those times. */
export async function time(runs: number, once: (i: number) => Promise<unknown>): Promise<Timing> {
  const durations: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await once(i);
    durations.push(performance.now() - start);
  }
  return percentiles(durations);
}

/**
 * Opens BENCH_URL, or says why not and exits. `seedHint` adds how to create the seeded book.
 */
export function openBenchDatabase(poolSize = 10, { seedHint = true } = {}): Promise<DatabaseHandle> {
  return openDatabase({ url: BENCH_URL, poolSize }).catch((error: Error) => {
    console.error(`Cannot open ${BENCH_URL}: ${error.message}`);
    if (seedHint) console.error('Create it with: DATABASE_URL=<url> pnpm db:seed --cases 1000000 --reset');
    process.exit(1);
  });
}

/**
 * The demo user with this email as a session sees them: a supervisor's teams are the ones supervised, anyone
 * else's their own team (if any). Exits when the book has no such user; `label` names them in that message.
 */
export async function benchUser(db: Database, email: string, label = 'user'): Promise<SessionUser> {
  const [row] = await db.select().from(s.users).where(eq(s.users.email, email));
  if (!row) {
    console.error(
      `${BENCH_URL} has no demo ${label} ${email}; seed it with pnpm db:seed --cases 1000000 --reset`,
    );
    process.exit(1);
  }
  if (row.role !== 'supervisor') return { ...row, teamIds: row.teamId ? [row.teamId] : [] };
  const supervised = await db
    .select({ teamId: s.supervisorTeams.teamId })
    .from(s.supervisorTeams)
    .where(eq(s.supervisorTeams.supervisorId, row.id));
  return { ...row, teamIds: supervised.map((t) => t.teamId) };
}

/** A tRPC caller acting as `user`, as the benches call the API: no session token, no cookies kept. */
export function benchCaller(
  db: Database,
  user: SessionUser,
  { now = () => new Date(), ip = '127.0.0.1' as string | null } = {},
) {
  return createCaller({
    db,
    user,
    sessionTokenHash: null,
    ip,
    userAgent: 'bench',
    sessionTtlHours: 12,
    now,
    cookies: { set: () => {}, clear: () => {} },
  });
}
