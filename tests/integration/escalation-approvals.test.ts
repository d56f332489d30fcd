import { APPROVAL_VALID_DAYS } from '@arrears/shared/domain/approvals';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/client.ts';
import {
  agencyPlacements,
  escalationRequests,
  fieldVisits,
  portfolios,
} from '../../server/src/db/schema/index.ts';
import { AppError } from '../../server/src/errors.ts';
import { consumeApproval } from '../../server/src/modules/escalations/ladder.ts';
import { buildAgency, buildContactPoint, buildWorkedCase, key, refusedAttempt } from './support/builders.ts';
import { callerFor } from './support/caller.ts';
import { createTestDatabase } from './support/db.ts';

/**
 * Decision 023: an approval allows one action and lapses unused after its kind's period. On the PostgreSQL server
 * the racing attempts run on separate connections at once; on PGlite they serialize, and the same assertions hold.
 */
const NOW = new Date('2026-11-11T17:00:00Z'); // Wednesday, 12:00 in New York
const DAY_MS = 86_400_000;
const later = (ms: number) => new Date(NOW.getTime() + ms);

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase({ poolSize: 6 });
});
afterAll(() => handle.close());

async function world(options: Parameters<typeof buildWorkedCase>[1] = {}) {
  const w = await buildWorkedCase(handle.db, options);
  const home = await buildContactPoint(handle.db, w.debtor.id, { kind: 'home_address' });
  const agency = await buildAgency(handle.db, { commissionBps: 2500 });
  const as = (user: typeof w.agent, now = NOW) => callerFor(handle.db, user, { now }).caller;
  /** Requested by the agent and approved by the supervisor at `decidedAt`, through the procedures. */
  const approve = async (kind: 'agency_placement' | 'field_visit', decidedAt = NOW) => {
    const { requestId } = await as(w.agent, decidedAt).escalations.request({
      idempotencyKey: key(),
      caseId: w.caseRow.id,
      kind,
      reason: 'No answer on any channel for weeks',
    });
    await as(w.supervisor, decidedAt).escalations.decide({
      idempotencyKey: key(),
      requestId,
      approve: true,
      reason: 'Agreed, go ahead',
    });
    return requestId;
  };
  const place = (now = NOW) =>
    as(w.agent, now).escalations.placeWithAgency({
      idempotencyKey: key(),
      caseId: w.caseRow.id,
      agencyId: agency.id,
    });
  const visit = (scheduledFor: string, now = NOW) =>
    as(w.agent, now).escalations.scheduleFieldVisit({
      idempotencyKey: key(),
      caseId: w.caseRow.id,
      addressId: home.id,
      scheduledFor,
    });
  const approvalBlocks = async (now: Date, kind: 'agency_placement' | 'field_visit') => {
    const check = await as(w.agent, now).compliance.check({ caseId: w.caseRow.id });
    return check.actions
      .filter((a) => a.kind === kind)
      .every((a) => a.verdict.violations.some((hit) => hit.ruleId === 'POL-APPROVAL'));
  };
  const request = async (id: string) =>
    (await handle.db.select().from(escalationRequests).where(eq(escalationRequests.id, id)))[0]!;
  return { ...w, agency, home, as, approve, place, visit, approvalBlocks, request };
}

const settle = (attempts: Promise<unknown>[]) =>
  Promise.allSettled(attempts).then((results) => ({
    ok: results.filter((r) => r.status === 'fulfilled').length,
    codes: results.flatMap((r) =>
      r.status === 'rejected' ? [(r.reason as { appCode?: string }).appCode] : [],
    ),
  }));

describe('an approval allows one action', () => {
  it('is used up by the placement it allowed and kept as history: after a recall it cannot place again', async () => {
    const w = await world();
    const requestId = await w.approve('agency_placement');
    expect(await w.approvalBlocks(NOW, 'agency_placement')).toBe(false);
    const { placementId } = await w.place();

    const used = await w.request(requestId);
    expect(used).toMatchObject({ status: 'approved', consumedAt: NOW, consumedFor: placementId });
    const [placement] = await handle.db
      .select()
      .from(agencyPlacements)
      .where(eq(agencyPlacements.id, placementId));
    expect(placement?.approvedBy).toBe(w.supervisor.id);
    // The case screen offers "Request" again: POL-APPROVAL blocks once the approval is used.
    expect(await w.approvalBlocks(NOW, 'agency_placement')).toBe(true);

    await w.as(w.supervisor, later(60_000)).agencies.recall({
      idempotencyKey: key(),
      placementId,
      reason: 'The agency is closing its US desk',
    });
    const again = await refusedAttempt(handle.db, w.place(later(120_000)));
    expect(again.decision?.ruleIds).toEqual(['POL-APPROVAL']);
    const placements = await handle.db
      .select()
      .from(agencyPlacements)
      .where(eq(agencyPlacements.caseId, w.caseRow.id));
    expect(placements).toHaveLength(1);
  });

  it('books one visit per approval; a second visit needs a new request', async () => {
    const w = await world();
    const requestId = await w.approve('field_visit');
    const { visitId } = await w.visit('2026-11-13T17:00:00Z');
    expect(await w.request(requestId)).toMatchObject({ consumedAt: NOW, consumedFor: visitId });
    const second = await refusedAttempt(handle.db, w.visit('2026-11-16T17:00:00Z'));
    expect(second.decision?.ruleIds).toEqual(['POL-APPROVAL']);
    await w.approve('field_visit', later(60_000));
    expect((await w.visit('2026-11-16T17:00:00Z', later(120_000))).outcome).toBe('allowed');
  });

  it('refuses, with CONFLICT, to use an approval a second time outside the guard', async () => {
    const w = await world();
    const requestId = await w.approve('agency_placement');
    const { placementId } = await w.place();
    const approval = { id: requestId, kind: 'agency_placement' as const, decidedBy: w.supervisor.id };
    const reuse = handle.db.transaction((tx) => consumeApproval(tx, approval, placementId, NOW));
    await expect(reuse).rejects.toBeInstanceOf(AppError);
    await expect(reuse).rejects.toMatchObject({ appCode: 'CONFLICT' });
    expect(await w.request(requestId)).toMatchObject({ consumedAt: NOW, consumedFor: placementId });
  });
});

describe('racing actions on one approval', () => {
  it('places once when two placements race on one approval; the other gets a 4xx', async () => {
    const w = await world();
    await w.approve('agency_placement');
    const { ok, codes } = await settle([w.place(), w.place(), w.place()]);
    expect(ok).toBe(1);
    expect(codes).toHaveLength(2);
    for (const code of codes) expect(['CONFLICT', 'BLOCKED_BY_RULE']).toContain(code);
    const placements = await handle.db
      .select()
      .from(agencyPlacements)
      .where(eq(agencyPlacements.caseId, w.caseRow.id));
    expect(placements).toHaveLength(1);
  });

  it('books exactly one of three visits racing on one approval; the others are refused by POL-APPROVAL', async () => {
    const w = await world();
    await w.approve('field_visit');
    const slots = ['2026-11-13T17:00:00Z', '2026-11-16T17:00:00Z', '2026-11-17T17:00:00Z'];
    const { ok, codes } = await settle(slots.map((slot) => w.visit(slot)));
    expect(ok).toBe(1);
    expect(codes).toEqual(['BLOCKED_BY_RULE', 'BLOCKED_BY_RULE']);
    const visits = await handle.db.select().from(fieldVisits).where(eq(fieldVisits.caseId, w.caseRow.id));
    expect(visits).toHaveLength(1);
  });
});

describe('an approval lapses unused', () => {
  it(`allows a placement until ${APPROVAL_VALID_DAYS.agency_placement} days after the decision, not after`, async () => {
    const w = await world();
    const requestId = await w.approve('agency_placement');
    const period = APPROVAL_VALID_DAYS.agency_placement * DAY_MS;
    expect(await w.approvalBlocks(later(period - 60_000), 'agency_placement')).toBe(false);
    expect(await w.approvalBlocks(later(period), 'agency_placement')).toBe(true);
    const lapsed = await refusedAttempt(handle.db, w.place(later(period + 60_000)));
    expect(lapsed.decision?.ruleIds).toEqual(['POL-APPROVAL']);
    // Lapsed, not deleted: the decision stays on record, unused.
    expect(await w.request(requestId)).toMatchObject({ status: 'approved', consumedAt: null });
    // A fresh request after the lapse is allowed (no pending one) and its approval places the case.
    await w.approve('agency_placement', later(period + 120_000));
    expect((await w.place(later(period + 180_000))).outcome).toBe('allowed');
  });

  it(`lets a visit approval lapse after ${APPROVAL_VALID_DAYS.field_visit} days, judged when the visit is booked`, async () => {
    const w = await world();
    await w.approve('field_visit');
    const period = APPROVAL_VALID_DAYS.field_visit * DAY_MS;
    // Booked the day before it lapses, for a slot after it: allowed (the approval is used at booking).
    const bookedAt = later(period - DAY_MS);
    expect((await w.visit('2026-11-20T17:00:00Z', bookedAt)).outcome).toBe('allowed');
    const w2 = await world();
    await w2.approve('field_visit');
    const lapsed = await refusedAttempt(handle.db, w2.visit('2026-11-20T17:00:00Z', later(period + 60_000)));
    expect(lapsed.decision?.ruleIds).toEqual(['POL-APPROVAL']);
  });
});

describe('the smallest balance an agency is sent (POL-PLACE-MIN)', () => {
  it('refuses to place $0.29 even when approved, says why on the case screen, and keeps the approval', async () => {
    const w = await world({ case: { principalMinor: 29 } });
    const requestId = await w.approve('agency_placement');
    const check = await w.as(w.agent).compliance.check({ caseId: w.caseRow.id });
    const preview = check.actions.find((a) => a.kind === 'agency_placement');
    expect(preview?.verdict.violations).toEqual([
      expect.objectContaining({
        ruleId: 'POL-PLACE-MIN',
        reason: 'The balance of $0.29 is below the $25.00 an agency placement needs.',
      }),
    ]);
    const refused = await refusedAttempt(handle.db, w.place());
    expect(refused.decision?.ruleIds).toEqual(['POL-PLACE-MIN']);
    expect(await w.request(requestId)).toMatchObject({ consumedAt: null });
    const placed = await handle.db
      .select()
      .from(agencyPlacements)
      .where(eq(agencyPlacements.caseId, w.caseRow.id));
    expect(placed).toHaveLength(0);
  });

  it('places $25.00, and reads the minimum from the portfolio, per currency', async () => {
    const w = await world({ case: { principalMinor: 2_500 } });
    await w.approve('agency_placement');
    await handle.db
      .update(portfolios)
      .set({ ruleParameters: { 'POL-PLACE-MIN.USD': 5_000 }, ruleParametersVersion: 2 })
      .where(eq(portfolios.id, w.caseRow.portfolioId));
    expect((await refusedAttempt(handle.db, w.place())).decision?.ruleIds).toEqual(['POL-PLACE-MIN']);
    await handle.db
      .update(portfolios)
      .set({ ruleParameters: {}, ruleParametersVersion: 3 })
      .where(eq(portfolios.id, w.caseRow.portfolioId));
    expect((await w.place(later(60_000))).outcome).toBe('allowed');
  });
});
