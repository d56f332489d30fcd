import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { createApp } from '../../server/src/app.ts';
import type { Database } from '../../server/src/db/client.ts';
import * as s from '../../server/src/db/schema/index.ts';
import { hashApiKey, newApiKey } from '../../server/src/modules/integrations/keys.service.ts';
import { DIALER_BASE } from '../../server/src/modules/integrations/openapi.ts';
import { openBenchDatabase, percentiles } from './support.ts';

/**
 * `pnpm bench channels-dialer` (issue 18, the dialer's door): pre-dial checks with their reservation per second
 * over real HTTP against the Express app on BENCH_DATABASE_URL, CONCURRENCY requests in flight, each on a case of
 * its own (the debtor lock is per debtor, so this measures the door, not one debtor's queue). Goal: 500 checks/s,
 * p95 under 10 ms. The clock is pinned to a weekday morning in New York so every check is judged inside the
 * calling window (and moves on with the real clock from there).
 *
 * Reservations, audit events and decisions are history-like and stay: each run adds BENCH_DIAL_CHECKS fresh cases
 * (New York debtor, consenting mobile) to the bench's own portfolio "Bench · dialer" and its own key.
 */
const CHECKS = Number(process.env.BENCH_DIAL_CHECKS ?? 2_000);
const CONCURRENCY = Number(process.env.BENCH_DIAL_CONCURRENCY ?? 16);
const NOW = new Date(process.env.BENCH_NOW ?? '2026-11-30T15:00:00Z'); // Monday 10:00 in New York

async function findOrCreate<Row>(find: () => Promise<Row[]>, create: () => Promise<Row[]>): Promise<Row> {
  return (await find())[0] ?? (await create())[0]!;
}

/** The bench's creditor, portfolio and team (made on first use), and a fresh key for them. */
async function benchScope(db: Database) {
  const creditor = await findOrCreate(
    () => db.select().from(s.creditors).where(eq(s.creditors.name, 'Bench creditor')),
    () => db.insert(s.creditors).values({ name: 'Bench creditor', country: 'US' }).returning(),
  );
  const portfolio = await findOrCreate(
    () => db.select().from(s.portfolios).where(eq(s.portfolios.name, 'Bench · dialer')),
    () =>
      db
        .insert(s.portfolios)
        .values({
          creditorId: creditor.id,
          name: 'Bench · dialer',
          currency: 'USD',
          jurisdictionCountry: 'US',
          jurisdictionRegion: 'NY',
        })
        .returning(),
  );
  const team = await findOrCreate(
    () => db.select().from(s.teams).where(eq(s.teams.name, 'Bench dialer team')),
    () => db.insert(s.teams).values({ name: 'Bench dialer team' }).returning(),
  );
  const key = newApiKey();
  await db.insert(s.integrationKeys).values({
    name: `Bench dialer ${NOW.toISOString()}`,
    prefix: key.slice(0, 12),
    keyHash: hashApiKey(key),
    teamIds: [team.id],
    portfolioIds: [portfolio.id],
  });
  return { key, portfolioId: portfolio.id, teamId: team.id };
}

/** `count` fresh debtors, each with one case and a consenting mobile, in three statements. */
async function benchCases(db: Database, scope: { portfolioId: string; teamId: string }, count: number) {
  const run = randomUUID().slice(0, 8);
  const debtors = await db
    .insert(s.debtors)
    .values(
      Array.from({ length: count }, (_, i) => ({
        fullName: `Bench dial debtor ${run}-${i}`,
        jurisdictionCountry: 'US',
        jurisdictionRegion: 'NY',
        explicitTimeZone: 'America/New_York',
      })),
    )
    .returning({ id: s.debtors.id });
  const cases = await db
    .insert(s.cases)
    .values(
      debtors.map((debtor, i) => ({
        accountRef: `BENCH-DIAL-${run}-${i}`,
        debtorId: debtor.id,
        portfolioId: scope.portfolioId,
        teamId: scope.teamId,
        currency: 'USD',
        originalPrincipalMinor: 90_000,
        principalMinor: 90_000,
        balanceMinor: 90_000,
        dueDate: '2026-06-01',
        placedAt: new Date(NOW.getTime() - 60 * 86_400_000),
      })),
    )
    .returning({ id: s.cases.id, debtorId: s.cases.debtorId });
  const points = await db
    .insert(s.contactPoints)
    .values(
      debtors.map((debtor, i) => ({
        debtorId: debtor.id,
        kind: 'mobile' as const,
        value: `+1555${String(i).padStart(7, '0')}`,
        consentAutodial: true,
        consentSms: true,
      })),
    )
    .returning({ id: s.contactPoints.id, debtorId: s.contactPoints.debtorId });
  const pointOf = new Map(points.map((p) => [p.debtorId, p.id]));
  return cases.map((c) => ({ caseId: c.id, contactPointId: pointOf.get(c.debtorId)! }));
}

const handle = await openBenchDatabase(CONCURRENCY + 4);
try {
  const scope = await benchScope(handle.db);
  const targets = await benchCases(handle.db, scope, CHECKS);
  const opened = performance.now();
  const app = createApp({
    db: handle.db,
    sessionTtlHours: 12,
    cookieSecure: false,
    clientDist: '/nonexistent',
    // The pinned morning, moving on with the real clock: the per-key rate refills as it would.
    now: () => new Date(NOW.getTime() + (performance.now() - opened)),
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${DIALER_BASE}/checks`;
  const durations: number[] = [];
  const answers = { allowed: 0, refused: 0, failed: 0 };
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < targets.length; i = next++) {
      const start = performance.now();
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${scope.key}` },
        body: JSON.stringify({ ...targets[i], mode: 'manual' }),
      });
      const body = (await res.json()) as { allowed?: boolean };
      durations.push(performance.now() - start);
      if (res.status !== 200) answers.failed++;
      else if (body.allowed) answers.allowed++;
      else answers.refused++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  const { p50, p95 } = percentiles(durations);
  console.log(
    [
      `pre-dial checks with reservation over HTTP: ${CHECKS} checks, ${CONCURRENCY} in flight (goal 500/s, p95 < 10 ms)`,
      `  ${(CHECKS / seconds).toFixed(0)} checks/s; p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`,
      `  allowed ${answers.allowed}, refused ${answers.refused}, failed ${answers.failed}`,
    ].join('\n'),
  );
  if (answers.failed > 0) process.exitCode = 1;
} finally {
  await handle.close();
}
