import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/client.ts';
import {
  agencyCommissions,
  agencyPlacements,
  auditEvents,
  cases,
  payments,
} from '../../server/src/db/schema/index.ts';
import { commissionOn } from '../../server/src/modules/ladder/agencies.service.ts';
import { runNightlyRoll } from '../../server/src/modules/ladder/roll.service.ts';
import {
  buildAgency,
  buildContactPoint,
  buildEscalation,
  buildTeam,
  buildUser,
  buildWorkedCase,
  key,
  refusedAttempt,
} from './support/builders.ts';
import { callerFor } from './support/caller.ts';
import { createTestDatabase } from './support/db.ts';

const NOW = new Date('2026-11-11T17:00:00Z'); // Wednesday, 12:00 in New York
const LATER = new Date('2026-11-20T17:00:00Z');

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

/** A worked case placed with an agency (30 %) after a supervisor approved the placement, through the guard. */
async function placedCase(options: { currency?: string; commissionBps?: number } = {}) {
  const w = await buildWorkedCase(handle.db, {
    case: { currency: options.currency ?? 'USD', principalMinor: 100_000, stage: 'agent' },
  });
  await buildContactPoint(handle.db, w.debtor.id, { kind: 'home_address' });
  const agency = await buildAgency(handle.db, { commissionBps: options.commissionBps ?? 3000 });
  const as = (user: typeof w.agent, now = NOW) => callerFor(handle.db, user, { now }).caller;
  const place = () =>
    as(w.agent).escalations.placeWithAgency({
      idempotencyKey: key(),
      caseId: w.caseRow.id,
      agencyId: agency.id,
    });
  expect((await refusedAttempt(handle.db, place())).decision?.ruleIds).toEqual(['POL-APPROVAL']);
  await buildEscalation(handle.db, {
    caseId: w.caseRow.id,
    kind: 'agency_placement',
    requestedBy: w.agent.id,
    status: 'approved',
    decidedBy: w.supervisor.id,
  });
  const { placementId } = await place();
  return { ...w, agency, placementId, as };
}

const caseOf = async (id: string) => (await handle.db.select().from(cases).where(eq(cases.id, id)))[0]!;

describe('agency placements', () => {
  it('records the agency’s collections as payments that lower the balance, with commission stored per payment', async () => {
    const { caseRow, supervisor, placementId, agency, as } = await placedCase();
    expect((await caseOf(caseRow.id)).stage).toBe('agency');
    const sup = as(supervisor, LATER);
    const first = await sup.agencies.recordPayment({
      idempotencyKey: key(),
      placementId,
      amountMinor: 12_345,
      currency: 'USD',
      receivedAt: '2026-11-18T15:00:00Z',
      reference: 'AGY-0001',
    });
    expect(first).toMatchObject({ replayed: false, commissionMinor: 3_704, balanceMinor: 100_000 - 12_345 });
    expect(commissionOn(12_345, 3000)).toBe(3_704); // 3,703.5 rounds half up
    // The agency re-sends the same report: nothing is recorded twice.
    const again = await sup.agencies.recordPayment({
      idempotencyKey: key(),
      placementId,
      amountMinor: 12_345,
      currency: 'USD',
      receivedAt: '2026-11-18T15:00:00Z',
      reference: 'AGY-0001',
    });
    expect(again).toMatchObject({ replayed: true, paymentId: first.paymentId, commissionMinor: 3_704 });
    await sup.agencies.recordPayment({
      idempotencyKey: key(),
      placementId,
      amountMinor: 10_000,
      currency: 'USD',
      receivedAt: '2026-11-19T15:00:00Z',
      reference: 'AGY-0002',
    });
    const rows = await handle.db.select().from(payments).where(eq(payments.caseId, caseRow.id));
    expect(
      rows.map((p) => ({ method: p.method, placement: p.agencyPlacementId, amount: p.amountMinor })),
    ).toEqual([
      { method: 'agency', placement: placementId, amount: 12_345 },
      { method: 'agency', placement: placementId, amount: 10_000 },
    ]);
    const commissions = await handle.db
      .select()
      .from(agencyCommissions)
      .where(eq(agencyCommissions.placementId, placementId));
    expect(commissions.map((c) => c.commissionMinor).sort()).toEqual([3_000, 3_704]);
    expect((await caseOf(caseRow.id)).balanceMinor).toBe(100_000 - 22_345);

    const { rows: listed } = await sup.agencies.placements({ agencyId: agency.id });
    expect(listed).toMatchObject([
      {
        id: placementId,
        status: 'placed',
        balanceAtPlacementMinor: 100_000,
        balanceMinor: 77_655,
        collectedMinor: 22_345,
        commissionMinor: 6_704,
        currency: 'USD',
      },
    ]);
    const agencies = await sup.agencies.list();
    expect(agencies.find((a) => a.id === agency.id)?.totals).toEqual([
      {
        currency: 'USD',
        placedCount: 1,
        // The amount placed stays what it was at placement; what the case owes now is beside it (issue 15).
        placedBalanceMinor: 100_000,
        heldBalanceMinor: 77_655,
        recalledCount: 0,
        recalledBalanceMinor: 0,
        collectedMinor: 22_345,
        commissionMinor: 6_704,
      },
    ]);
    const audits = await handle.db.select().from(auditEvents).where(eq(auditEvents.caseId, caseRow.id));
    expect(audits.filter((a) => a.action === 'agency.payment')).toHaveLength(2);
    expect(audits.filter((a) => a.action === 'payment.record')).toHaveLength(2);
  });

  it('recalls a placement: reason kept, case back on the agent rung, audited; the roll does not send it back', async () => {
    const { caseRow, supervisor, placementId, agency, as } = await placedCase();
    const sup = as(supervisor, LATER);
    const recalled = await sup.agencies.recall({
      idempotencyKey: key(),
      placementId,
      reason: 'No collections from the agency in weeks',
    });
    expect(recalled).toMatchObject({ status: 'recalled', recalledAt: LATER.toISOString() });
    const c = await caseOf(caseRow.id);
    expect(c.stage).toBe('agent');
    const [row] = await handle.db.select().from(agencyPlacements).where(eq(agencyPlacements.id, placementId));
    expect(row).toMatchObject({
      status: 'recalled',
      recallReason: 'No collections from the agency in weeks',
    });
    const [audit] = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, 'agency.recall'));
    expect(audit).toMatchObject({
      actorId: supervisor.id,
      entityId: placementId,
      before: { status: 'placed', stage: 'agency' },
      after: { status: 'recalled', stage: 'agent' },
    });
    // Past the agency threshold now, yet the nightly roll leaves the recalled case on the agent rung.
    await handle.db.update(cases).set({ dueDate: '2026-06-20' }).where(eq(cases.id, caseRow.id));
    await runNightlyRoll(handle.db, { now: LATER, portfolioId: caseRow.portfolioId, refreshQueues: false });
    expect(await caseOf(caseRow.id)).toMatchObject({ stage: 'agent', daysPastDue: 153 });
    await expect(
      sup.agencies.recall({ idempotencyKey: key(), placementId, reason: 'Recalling it a second time' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    // Money the agency collected before the recall still counts; after it, it is not the agency's.
    await sup.agencies.recordPayment({
      idempotencyKey: key(),
      placementId,
      amountMinor: 1_000,
      currency: 'USD',
      receivedAt: '2026-11-19T15:00:00Z',
      reference: 'LATE-REPORT-1',
    });
    await expect(
      sup.agencies.recordPayment({
        idempotencyKey: key(),
        placementId,
        amountMinor: 1_000,
        currency: 'USD',
        receivedAt: '2026-11-20T17:30:00Z',
        reference: 'AFTER-RECALL',
      }),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    const totals = (await sup.agencies.list()).find((a) => a.id === agency.id)?.totals;
    expect(totals).toEqual([
      {
        currency: 'USD',
        placedCount: 0,
        placedBalanceMinor: 0,
        heldBalanceMinor: 0,
        recalledCount: 1,
        recalledBalanceMinor: 100_000,
        collectedMinor: 1_000,
        commissionMinor: 300,
      },
    ]);
  });

  it('keeps totals per currency', async () => {
    const usd = await placedCase({ currency: 'USD', commissionBps: 2000 });
    const cny = await placedCase({ currency: 'CNY', commissionBps: 2000 });
    // Both placements under one agency: move the CNY one over.
    await handle.db
      .update(agencyPlacements)
      .set({ agencyId: usd.agency.id })
      .where(eq(agencyPlacements.id, cny.placementId));
    const admin = await buildUser(handle.db, 'admin');
    const totals = (await callerFor(handle.db, admin, { now: LATER }).caller.agencies.list()).find(
      (a) => a.id === usd.agency.id,
    )?.totals;
    expect(totals?.map((t) => [t.currency, t.placedBalanceMinor])).toEqual([
      ['CNY', 100_000],
      ['USD', 100_000],
    ]);
  });
});

describe('refusals', () => {
  it('answers NOT_FOUND for a placement outside a supervisor’s teams, FORBIDDEN to agents and managers', async () => {
    const { placementId, agent, as } = await placedCase();
    const outsider = await buildUser(handle.db, 'supervisor', {
      supervises: [(await buildTeam(handle.db)).id],
    });
    const reason = 'Taking it back from the agency';
    await expect(
      as(outsider).agencies.recall({ idempotencyKey: key(), placementId, reason }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      as(outsider).agencies.recordPayment({
        idempotencyKey: key(),
        placementId,
        amountMinor: 100,
        currency: 'USD',
        receivedAt: '2026-11-11T15:00:00Z',
        reference: 'REF-1',
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await as(outsider).agencies.placements({})).rows.map((r) => r.id)).not.toContain(placementId);
    await expect(
      as(agent).agencies.recall({ idempotencyKey: key(), placementId, reason }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const manager = await buildUser(handle.db, 'manager');
    await expect(
      as(manager).agencies.recall({ idempotencyKey: key(), placementId, reason }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(
      as(manager).agencies.create({ idempotencyKey: key(), name: 'Some agency', commissionBps: 10 }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('refuses bad input with a 4xx naming the field', async () => {
    const { placementId, supervisor, as } = await placedCase();
    const sup = as(supervisor, LATER);
    const pay = (over: Record<string, unknown>) =>
      sup.agencies.recordPayment({
        idempotencyKey: key(),
        placementId,
        amountMinor: 100,
        currency: 'USD',
        receivedAt: '2026-11-15T15:00:00Z',
        reference: 'REF-OK-1',
        ...over,
      } as never);
    await expect(pay({ amountMinor: 1.5 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(pay({ amountMinor: -5 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(pay({ currency: 'usd' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(pay({ currency: 'EUR' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('currency'),
    });
    await expect(pay({ amountMinor: 100_001 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(pay({ receivedAt: 'yesterday' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(pay({ receivedAt: '2026-12-30T00:00:00Z' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(pay({ receivedAt: '2026-01-01T00:00:00Z' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(pay({ reference: 'has space' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(pay({ placementId: 'nope' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      sup.agencies.recall({ idempotencyKey: key(), placementId, reason: 'short' }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    const admin = callerFor(handle.db, await buildUser(handle.db, 'admin'), { now: NOW }).caller;
    await expect(
      admin.agencies.create({ idempotencyKey: key(), name: 'X', commissionBps: 100 }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(
      admin.agencies.create({ idempotencyKey: key(), name: 'Too dear', commissionBps: 10_001 }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    const created = await admin.agencies.create({
      idempotencyKey: key(),
      name: 'Northwind Recoveries',
      commissionBps: 1750,
    });
    expect(created).toMatchObject({ name: 'Northwind Recoveries', commissionBps: 1750, totals: [] });
    await expect(
      admin.agencies.create({ idempotencyKey: key(), name: 'Northwind Recoveries', commissionBps: 1 }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(
      admin.ladder.updatePolicy({
        portfolioId: placementId,
        policy: { agentFromDays: 10, agencyFromDays: 5, legalFromDays: 200 },
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
