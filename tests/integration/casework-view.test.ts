import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/client.ts';
import { auditEvents, cases, debtors } from '../../server/src/db/schema/index.ts';
import {
  buildContact,
  buildContactPoint,
  buildDispute,
  buildOptOut,
  buildPromise,
  buildTeam,
  buildThirdParty,
  buildUser,
  buildWorkedCase,
  key,
} from './support/builders.ts';
import { callerFor } from './support/caller.ts';
import { createTestDatabase } from './support/db.ts';

/** The case screen's data: everything in one call, personal data masked, revealing it audited. */
const NOW = new Date('2026-11-11T17:00:00Z');
const EARLIER = new Date('2026-11-02T15:00:00Z');
const RAW = {
  mobile: '+15551234821',
  email: 'alice@domain.com',
  home: '12 Main Street, Springfield, NY 10001',
  dateOfBirth: '1985-04-12',
  neighbourPhone: '+15559876543',
};

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

async function world() {
  const db = handle.db;
  const w = await buildWorkedCase(db, {
    debtor: { fullName: 'Alice Example', dateOfBirth: RAW.dateOfBirth, nationalIdMasked: '***-**-1234' },
    case: { interestMinor: 5_000, feesMinor: 2_500, balanceMinor: 107_500 },
  });
  const mobile = await buildContactPoint(db, w.debtor.id, {
    kind: 'mobile',
    value: RAW.mobile,
    verified: true,
  });
  const email = await buildContactPoint(db, w.debtor.id, { kind: 'email', value: RAW.email });
  const home = await buildContactPoint(db, w.debtor.id, { kind: 'home_address', value: RAW.home });
  const neighbour = await buildThirdParty(db, w.debtor.id, { name: 'Ned', phone: RAW.neighbourPhone });
  return { ...w, mobile, email, home, neighbour, caller: callerFor(db, w.agent, { now: NOW }).caller };
}

const reveals = (caseId: string) =>
  handle.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.caseId, caseId), eq(auditEvents.action, 'casework.reveal')));

describe('casework.get', () => {
  it('answers balances, names and masked personal data, and no unmasked value anywhere', async () => {
    const { caller, caseRow, agent, mobile, email, home, neighbour, portfolio } = await world();
    const detail = await caller.casework.get({ caseId: caseRow.id });
    expect(detail.case).toMatchObject({
      principalMinor: 100_000,
      interestMinor: 5_000,
      feesMinor: 2_500,
      paidMinor: 0,
      balanceMinor: 107_500,
      currency: 'USD',
      version: caseRow.version,
      assignedAgent: { id: agent.id, name: agent.name },
      portfolioName: portfolio.name,
      dueDate: '2026-09-01',
    });
    expect(detail.debtor).toMatchObject({
      fullName: 'Alice Example',
      birthYear: 1985,
      nationalIdMasked: '***-**-1234',
    });
    const masked = Object.fromEntries(detail.contactPoints.map((p) => [p.id, p.masked]));
    expect(masked[mobile.id]).toBe('+1 •••• •• 4821');
    expect(masked[email.id]).toBe('a•••@d•••.com');
    expect(masked[home.id]).toBe('•••, Springfield, NY 10001');
    expect(detail.thirdParties).toEqual([
      {
        id: neighbour.id,
        name: 'Ned',
        relationship: 'neighbor',
        maskedPhone: '+1 •••• •• 6543',
        debtorAgreed: false,
      },
    ]);
    const json = JSON.stringify(detail);
    for (const raw of [...Object.values(RAW), '5551234821', 'alice@', 'Main Street', '04-12']) {
      expect(json).not.toContain(raw);
    }
  });

  it('shows every flag as a banner, most serious first, and the badges of each contact point', async () => {
    const w = await world();
    const db = handle.db;
    await db
      .update(debtors)
      .set({
        deceasedAt: EARLIER,
        bankruptcyFiledAt: EARLIER,
        attorneyName: 'R. Counsel',
        attorneySince: EARLIER,
        ceaseRequestedAt: EARLIER,
        military: true,
      })
      .where(eq(debtors.id, w.debtor.id));
    await db
      .update(cases)
      .set({ holdUntil: new Date('2026-11-20T00:00:00Z'), holdReason: 'Complaint under review' })
      .where(eq(cases.id, w.caseRow.id));
    const dispute = await buildDispute(db, w.caseRow.id, { receivedAt: EARLIER, reason: 'Not mine' });
    const work = await buildContactPoint(db, w.debtor.id, { kind: 'work_phone', employerProhibits: true });
    await buildContactPoint(db, w.debtor.id, { kind: 'mobile', consentRevokedAt: EARLIER, consentSms: true });
    await buildOptOut(db, w.debtor.id, { at: EARLIER, contactPointId: w.email.id });
    await buildOptOut(db, w.debtor.id, { at: EARLIER, channel: 'phone' });

    const detail = await w.caller.casework.get({ caseId: w.caseRow.id });
    expect(detail.banners.map((b) => b.kind)).toEqual([
      'deceased',
      'bankrupt',
      'attorney',
      'cease',
      'disputed',
      'hold',
      'military',
    ]);
    expect(detail.banners.find((b) => b.kind === 'attorney')?.detail).toBe('R. Counsel');
    expect(detail.banners.find((b) => b.kind === 'hold')).toMatchObject({
      until: '2026-11-20T00:00:00.000Z',
      detail: 'Complaint under review',
    });
    expect(detail.openDispute).toEqual({
      id: dispute.id,
      receivedAt: EARLIER.toISOString(),
      reason: 'Not mine',
    });
    const point = (id: string) => detail.contactPoints.find((p) => p.id === id)!;
    expect(point(w.email.id)).toMatchObject({ optedOut: true, channelOptOuts: [] });
    expect(point(w.mobile.id)).toMatchObject({ optedOut: false, channelOptOuts: ['phone'], verified: true });
    expect(point(w.home.id).channelOptOuts).toEqual([]);
    expect(point(work.id)).toMatchObject({ employerProhibits: true, channelOptOuts: ['phone'] });
    expect(detail.contactPoints.filter((p) => p.consentRevokedAt === EARLIER.toISOString())).toHaveLength(1);
  });

  it('answers open promises and the tab counts', async () => {
    const { caller, caseRow, mobile } = await world();
    await buildPromise(handle.db, caseRow.id, { amountMinor: 5_000, dueDate: '2026-11-20' });
    await buildPromise(handle.db, caseRow.id, {
      amountMinor: 7_000,
      dueDate: '2026-10-20',
      status: 'broken',
    });
    await buildContact(handle.db, caseRow, { occurredAt: EARLIER, contactPointId: mobile.id });
    const detail = await caller.casework.get({ caseId: caseRow.id });
    expect(detail.openPromises).toEqual([
      expect.objectContaining({ amountMinor: 5_000, currency: 'USD', dueDate: '2026-11-20' }),
    ]);
    expect(detail.counts).toEqual({
      contacts: 1,
      blockedAttempts: 0,
      payments: 0,
      promises: 2,
      notes: 0,
      openComplaints: 0,
      pendingCallbacks: 0,
    });
  });

  it('lets managers and admins read the case, and answers NOT_FOUND to an agent of another team', async () => {
    const { caseRow } = await world();
    for (const role of ['manager', 'admin'] as const) {
      const reader = await buildUser(handle.db, role);
      const detail = await callerFor(handle.db, reader, { now: NOW }).caller.casework.get({
        caseId: caseRow.id,
      });
      expect(detail.case.id).toBe(caseRow.id);
    }
    const stranger = await buildUser(handle.db, 'agent', { teamId: (await buildTeam(handle.db)).id });
    await expect(
      callerFor(handle.db, stranger, { now: NOW }).caller.casework.get({ caseId: caseRow.id }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('casework.revealContact', () => {
  it('answers the unmasked number and writes exactly one audit event naming who, what and when', async () => {
    const { caller, caseRow, agent, mobile } = await world();
    const revealed = await caller.casework.revealContact({
      idempotencyKey: key(),
      caseId: caseRow.id,
      contactPointId: mobile.id,
    });
    expect(revealed).toEqual({ value: RAW.mobile, revealedAt: NOW.toISOString() });
    const events = await reveals(caseRow.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorId: agent.id,
      entityType: 'contact_point',
      entityId: mobile.id,
      after: { revealed: 'mobile', at: NOW.toISOString() },
    });
    expect(JSON.stringify(events[0])).not.toContain('5551234821');
  });

  it("reveals a third party's phone and the date of birth, one audit event each", async () => {
    const { caller, caseRow, neighbour } = await world();
    const phone = await caller.casework.revealContact({
      idempotencyKey: key(),
      caseId: caseRow.id,
      thirdPartyId: neighbour.id,
    });
    const birth = await caller.casework.revealContact({
      idempotencyKey: key(),
      caseId: caseRow.id,
      field: 'dateOfBirth',
    });
    expect([phone.value, birth.value]).toEqual([RAW.neighbourPhone, RAW.dateOfBirth]);
    expect((await reveals(caseRow.id)).map((e) => e.entityType).sort()).toEqual(['debtor', 'third_party']);
  });

  it("answers NOT_FOUND for another debtor's contact point and audits nothing", async () => {
    const { caller, caseRow } = await world();
    const other = await world();
    await expect(
      caller.casework.revealContact({
        idempotencyKey: key(),
        caseId: caseRow.id,
        contactPointId: other.mobile.id,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await reveals(caseRow.id)).toHaveLength(0);
  });

  it('refuses naming two things or none, and refuses a manager', async () => {
    const { caller, caseRow, mobile } = await world();
    await expect(
      caller.casework.revealContact({
        idempotencyKey: key(),
        caseId: caseRow.id,
        contactPointId: mobile.id,
        field: 'dateOfBirth',
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('exactly one') });
    await expect(
      caller.casework.revealContact({ idempotencyKey: key(), caseId: caseRow.id }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    const manager = await buildUser(handle.db, 'manager');
    await expect(
      callerFor(handle.db, manager, { now: NOW }).caller.casework.revealContact({
        idempotencyKey: key(),
        caseId: caseRow.id,
        contactPointId: mobile.id,
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await reveals(caseRow.id)).toHaveLength(0);
  });
});
