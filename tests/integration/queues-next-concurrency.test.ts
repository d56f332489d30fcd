import type { SessionUser } from '@arrears/shared/schemas/auth';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/client.ts';
import { refreshAllWorkability } from '../../server/src/modules/queues/workability-roll.ts';
import { buildPortfolio, buildTeam, buildUser } from './support/builders.ts';
import { callerFor } from './support/caller.ts';
import { createTestDatabase } from './support/db.ts';

/**
 * 20 agents of one team press "next case" 1,000 times at once against a shared pool. On the PostgreSQL server
 * the presses run on 20+ connections (FOR UPDATE SKIP LOCKED is what keeps them apart); on PGlite they serialize,
 * and the same assertions hold.
 */
const NOW = new Date('2026-11-11T17:00:00Z'); // 12:00 in New York
const AGENTS = 20;
const PRESSES = 1_000;
const POOL = 1_050;

let handle: DatabaseHandle;
let agents: SessionUser[];

beforeAll(async () => {
  handle = await createTestDatabase({ poolSize: 25 });
  const db = handle.db;
  const team = await buildTeam(db);
  const portfolio = await buildPortfolio(db);
  agents = [];
  for (let i = 0; i < AGENTS; i++) agents.push(await buildUser(db, 'agent', { teamId: team.id }));
  // One debtor, one consenting mobile and one pool case per row, in three statements.
  await db.execute(sql`
    insert into debtors (id, full_name, jurisdiction_country, jurisdiction_region, explicit_time_zone)
    select ('00000000-0000-4000-8000-' || lpad(n::text, 12, '0'))::uuid, 'Pool debtor ' || n, 'US', 'NY',
           'America/New_York'
    from generate_series(1, ${POOL}) as n`);
  await db.execute(sql`
    insert into contact_points (debtor_id, kind, value, consent_autodial, consent_sms)
    select ('00000000-0000-4000-8000-' || lpad(n::text, 12, '0'))::uuid, 'mobile', '+1555' || lpad(n::text, 7, '0'),
           true, true
    from generate_series(1, ${POOL}) as n`);
  await db.execute(sql`
    insert into cases (account_ref, debtor_id, portfolio_id, team_id, currency, original_principal_minor,
                       principal_minor, balance_minor, due_date, placed_at)
    select 'POOL-' || n, ('00000000-0000-4000-8000-' || lpad(n::text, 12, '0'))::uuid, ${portfolio.id}, ${team.id},
           'USD', 1000 * n, 1000 * n, 1000 * n, '2026-09-01', '2026-10-01T00:00:00Z'
    from generate_series(1, ${POOL}) as n`);
  await refreshAllWorkability(db, NOW, 500);
}, 300_000);
afterAll(() => handle.close());

it('never hands the same case to two presses while its claim is live', async () => {
  const callers = agents.map((agent) => callerFor(handle.db, agent, { now: NOW }).caller);
  let pressed = 0;
  // Each agent presses again as soon as its previous press answered: 20 presses in flight at all times.
  const agentLoop = async (caller: (typeof callers)[number]) => {
    const taken: Array<string | null> = [];
    while (pressed < PRESSES) {
      pressed++;
      taken.push((await caller.queues.next()).caseId);
    }
    return taken;
  };
  const taken = (await Promise.all(callers.map(agentLoop))).flat();
  expect(taken).toHaveLength(PRESSES);
  expect(taken.filter((id) => id === null)).toEqual([]);
  expect(new Set(taken).size).toBe(PRESSES);
}, 300_000);
