import type { SessionUser } from '@arrears/shared/schemas/auth';
import { eq, sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../server/src/db/client.ts';
import * as s from '../../server/src/db/schema/index.ts';
import { refreshCases } from '../../server/src/modules/queues/projection.ts';

/**
 * The next-case bench's own floor in the seeded database: a team "Bench · next case" of 20 agents and a pool of
 * New York cases with a consenting mobile each. Made on first use and reused; `resetPool` puts every case back in
 * the pool unclaimed, so each run starts alike. Claims leave audit rows behind (the audit log is append-only).
 */
export const BENCH_AGENTS = 20;
export const POOL_SIZE = 1_200;
const TEAM = 'Bench · next case';

async function findOrCreate<Row>(find: () => Promise<Row[]>, create: () => Promise<Row[]>): Promise<Row> {
  return (await find())[0] ?? (await create())[0]!;
}

export interface BenchFloor {
  teamId: string;
  agents: SessionUser[];
}

export async function benchFloor(db: Database): Promise<BenchFloor> {
  const team = await findOrCreate(
    () => db.select().from(s.teams).where(eq(s.teams.name, TEAM)),
    () => db.insert(s.teams).values({ name: TEAM }).returning(),
  );
  const agents: SessionUser[] = [];
  for (let i = 1; i <= BENCH_AGENTS; i++) {
    const email = `bench-next-${String(i).padStart(2, '0')}@bench.invalid`;
    // No password matches this hash: bench agents exist for server-side callers only.
    const user = await findOrCreate(
      () => db.select().from(s.users).where(eq(s.users.email, email)),
      () =>
        db
          .insert(s.users)
          .values({
            email,
            name: `Bench agent ${i}`,
            role: 'agent',
            teamId: team.id,
            passwordHash: 'disabled',
          })
          .returning(),
    );
    agents.push({ ...user, role: 'agent', teamIds: [team.id] });
  }
  await fillPool(db, team.id);
  return { teamId: team.id, agents };
}

/** Tops the bench pool up to POOL_SIZE cases, in three set-based statements. */
async function fillPool(db: Database, teamId: string): Promise<void> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from cases where team_id = ${teamId}`,
  );
  const missing = POOL_SIZE - (row?.n ?? 0);
  if (missing <= 0) return;
  const creditor = await findOrCreate(
    () => db.select().from(s.creditors).where(eq(s.creditors.name, 'Bench creditor')),
    () => db.insert(s.creditors).values({ name: 'Bench creditor', country: 'US' }).returning(),
  );
  const portfolio = await findOrCreate(
    () => db.select().from(s.portfolios).where(eq(s.portfolios.name, TEAM)),
    () =>
      db
        .insert(s.portfolios)
        .values({
          creditorId: creditor.id,
          name: TEAM,
          currency: 'USD',
          jurisdictionCountry: 'US',
          jurisdictionRegion: 'NY',
        })
        .returning(),
  );
  const run = Date.now().toString(36);
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      create temporary table bench_debtors on commit drop as
      select gen_random_uuid() as id, n from generate_series(1, ${missing}) as n`);
    await tx.execute(sql`
      insert into debtors (id, full_name, jurisdiction_country, jurisdiction_region, explicit_time_zone)
      select id, 'Bench pool debtor ' || ${run} || '-' || n, 'US', 'NY', 'America/New_York' from bench_debtors`);
    await tx.execute(sql`
      insert into contact_points (debtor_id, kind, value, consent_autodial, consent_sms)
      select id, 'mobile', '+1555' || lpad(n::text, 7, '0'), true, true from bench_debtors`);
    await tx.execute(sql`
      insert into cases (account_ref, debtor_id, portfolio_id, team_id, currency, original_principal_minor,
                         principal_minor, balance_minor, due_date, days_past_due, bucket, placed_at)
      select 'BENCH-NEXT-' || ${run} || '-' || n, id, ${portfolio.id}, ${teamId}, 'USD', 1000 * n, 1000 * n,
             1000 * n, current_date - 45, 45, 'dpd_31_60', now() - interval '40 days'
      from bench_debtors`);
  });
}

/** Every bench case back in the pool, unclaimed, and judged at `now`. */
export async function resetPool(db: Database, teamId: string, now: Date): Promise<void> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`update cases set assigned_agent_id = null, claimed_by = null, claim_expires_at = null
        where team_id = ${teamId} returning id`,
  );
  const ids = rows.map((row) => row.id);
  for (let i = 0; i < ids.length; i += 500) {
    await db.transaction((tx) => refreshCases(tx, ids.slice(i, i + 500), now));
  }
}
