import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, queryRows } from '../../server/src/db/client.ts';
import { seedDemoBook } from '../../server/src/db/seed/demo-book.ts';
import {
  settlementCandidates,
  settlePromises,
  settlePromisesInBatch,
} from '../../server/src/modules/payments/settlement.service.ts';
import { createTestDatabase } from './support/db.ts';

/**
 * The nightly roll settles promises set-based (`settlePromisesInBatch`); the per-case `settlePromises` is the
 * rule it must follow. Two identical books, one settled each way at the same instant, must end identical:
 * promise rows, plan rows, case versions and the audit trail (ids and insertion times aside).
 */
const SEEDED = new Date('2026-11-20T15:00:00Z');
/** Far enough on that many seeded promises and plan installments are past their date somewhere. */
const NOW = new Date('2026-12-09T03:30:00Z');
const options = { cases: 300, seed: 11, now: SEEDED };

let perCase: DatabaseHandle;
let batched: DatabaseHandle;
beforeAll(async () => {
  [perCase, batched] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  await seedDemoBook(perCase.db, options);
  await seedDemoBook(batched.db, options);
  await Promise.all([latePayments(perCase.db), latePayments(batched.db)]);
}, 180_000);

/**
 * Payments recorded after the seed but received inside promise windows: in full for some overdue pending promises
 * and plan installments (kept), in part for others (still broken), and in full for promises already broken (a
 * payment recorded late keeps them). The same rows in both books.
 */
async function latePayments(db: DatabaseHandle['db']): Promise<void> {
  await db.execute(sql`
    insert into payments (case_id, amount_minor, currency, method, idempotency_key, allocated_principal_minor,
      received_at)
    select p.case_id, (case when p.n % 3 = 2 then p.amount_minor / 2 else p.amount_minor end), p.currency, 'card',
      'late-' || p.id, 0, p.created_at + interval '1 hour'
    from (
      select pr.*, row_number() over (partition by pr.status, pr.payment_plan_id is null order by pr.id) as n
      from promises pr where pr.due_date < '2026-12-08'
    ) p
    where (p.status = 'pending' and p.n <= 9) or (p.status = 'broken' and p.n <= 2)`);
}
afterAll(() => Promise.all([perCase?.close(), batched?.close()]));

const state = (db: DatabaseHandle['db']) =>
  Promise.all([
    queryRows(db, sql`select id, case_id, payment_plan_id, status, resolved_at from promises order by id`),
    queryRows(db, sql`select id, status from payment_plans order by id`),
    queryRows(db, sql`select id, version, updated_at from cases order by id`),
    queryRows(
      db,
      sql`select actor_id, action, entity_type, entity_id, case_id, before, after, ip from audit_events
          order by entity_type, entity_id, action`,
    ),
  ]);

describe('settlePromisesInBatch', () => {
  it('writes exactly what the per-case settlement writes', async () => {
    const [pending] = await queryRows<{ n: number }>(
      perCase.db,
      sql`select count(*)::int as n from promises where status = 'pending'`,
    );
    const old = await perCase.db.transaction((tx) => settlePromises(tx, { now: NOW, refreshQueues: false }));

    // Keyset ranges of a few cases each, so batch edges are crossed many times.
    const ids = (await settlementCandidates(batched.db, { now: NOW })).map((c) => c.caseId);
    const kept: string[] = [];
    const broken: string[] = [];
    for (let start = 0; start < ids.length; start += 7) {
      const chunk = ids.slice(start, start + 7);
      const result = await batched.db.transaction((tx) =>
        settlePromisesInBatch(tx, {
          caseIdFrom: start === 0 ? undefined : ids[start - 1],
          caseIdTo: chunk[chunk.length - 1],
          now: NOW,
        }),
      );
      kept.push(...result.kept);
      broken.push(...result.broken);
    }
    expect(old.broken.length).toBeGreaterThan(5);
    expect(old.kept.length).toBeGreaterThan(5);
    expect(pending!.n).toBeGreaterThan(old.broken.length + old.kept.length);
    expect(kept.sort()).toEqual([...old.kept].sort());
    expect(broken.sort()).toEqual([...old.broken].sort());

    const [a, b] = await Promise.all([state(perCase.db), state(batched.db)]);
    const planAudits = a[3].filter((r) => (r as { entity_type: string }).entity_type === 'payment_plan');
    // The scenario must reach the plan path too, or the equality below would say nothing about it.
    expect(planAudits.length).toBeGreaterThan(0);
    expect(b[0]).toEqual(a[0]);
    expect(b[1]).toEqual(a[1]);
    expect(b[2]).toEqual(a[2]);
    expect(b[3]).toEqual(a[3]);

    // A second pass over the whole range finds nothing.
    const again = await batched.db.transaction((tx) => settlePromisesInBatch(tx, { now: NOW }));
    expect(again).toEqual({ kept: [], broken: [], caseIds: [] });
  }, 180_000);
});
