import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/client.ts';
import {
  agencyPlacements,
  auditEvents,
  cases,
  escalationRequests,
  fieldVisits,
  legalActions,
} from '../../server/src/db/schema/index.ts';
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
const FRIDAY_NOON = '2026-11-13T17:00:00Z';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

async function world(options: Parameters<typeof buildWorkedCase>[1] = {}) {
  const w = await buildWorkedCase(handle.db, options);
  const home = await buildContactPoint(handle.db, w.debtor.id, { kind: 'home_address' });
  const as = (user: typeof w.agent) => callerFor(handle.db, user, { now: NOW }).caller;
  return { ...w, home, agentCaller: as(w.agent), supervisorCaller: as(w.supervisor) };
}

describe('supervisor approval (POL-APPROVAL)', () => {
  it('refuses a field visit until a supervisor approves the request, then schedules it', async () => {
    const { agentCaller, supervisorCaller, caseRow, home, supervisor } = await world();
    const visit = () =>
      agentCaller.escalations.scheduleFieldVisit({
        idempotencyKey: key(),
        caseId: caseRow.id,
        addressId: home.id,
        scheduledFor: FRIDAY_NOON,
      });
    expect((await refusedAttempt(handle.db, visit())).decision).toMatchObject({
      actionKind: 'field_visit',
      ruleIds: ['POL-APPROVAL'],
    });

    const request = await agentCaller.escalations.request({
      idempotencyKey: key(),
      caseId: caseRow.id,
      kind: 'field_visit',
      reason: 'No answer on any phone for weeks',
    });
    expect(request.status).toBe('pending');
    await expect(
      agentCaller.escalations.request({
        idempotencyKey: key(),
        caseId: caseRow.id,
        kind: 'field_visit',
        reason: 'Asking a second time, same case',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      agentCaller.escalations.decide({
        idempotencyKey: key(),
        requestId: request.requestId,
        approve: true,
        reason: 'Looks fine',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const outsider = await buildUser(handle.db, 'supervisor', {
      supervises: [(await buildTeam(handle.db)).id],
    });
    const outsiderCaller = callerFor(handle.db, outsider, { now: NOW }).caller;
    await expect(
      outsiderCaller.escalations.decide({
        idempotencyKey: key(),
        requestId: request.requestId,
        approve: true,
        reason: 'Looks fine',
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const decided = await supervisorCaller.escalations.decide({
      idempotencyKey: key(),
      requestId: request.requestId,
      approve: true,
      reason: 'Address verified',
    });
    expect(decided.status).toBe('approved');
    await expect(
      supervisorCaller.escalations.decide({
        idempotencyKey: key(),
        requestId: request.requestId,
        approve: false,
        reason: 'changed my mind',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });

    const scheduled = await visit();
    expect(scheduled.outcome).toBe('allowed');
    const [row] = await handle.db.select().from(fieldVisits).where(eq(fieldVisits.id, scheduled.visitId));
    expect(row).toMatchObject({
      addressId: home.id,
      scheduledFor: new Date(FRIDAY_NOON),
      approvedBy: supervisor.id,
      status: 'scheduled',
    });
    const [updated] = await handle.db.select().from(cases).where(eq(cases.id, caseRow.id));
    expect(updated).toMatchObject({ stage: 'field', version: 2 });
    const audit = await handle.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.caseId, caseRow.id));
    expect(audit.map((a) => a.action).sort()).toEqual([
      'escalation.approve',
      'escalation.request',
      'field_visit.schedule',
    ]);
    const [stored] = await handle.db
      .select()
      .from(escalationRequests)
      .where(eq(escalationRequests.id, request.requestId));
    expect(stored).toMatchObject({ status: 'approved', decidedBy: supervisor.id, decidedAt: NOW });
  });

  it('places an approved case with an agency once, at its balance and the agency commission', async () => {
    const { agentCaller, caseRow, agent, supervisor } = await world();
    const agency = await buildAgency(handle.db, { commissionBps: 3000 });
    const place = () =>
      agentCaller.escalations.placeWithAgency({
        idempotencyKey: key(),
        caseId: caseRow.id,
        agencyId: agency.id,
      });
    expect((await refusedAttempt(handle.db, place())).decision?.ruleIds).toEqual(['POL-APPROVAL']);
    await buildEscalation(handle.db, {
      caseId: caseRow.id,
      kind: 'agency_placement',
      requestedBy: agent.id,
      status: 'approved',
      decidedBy: supervisor.id,
    });
    const placed = await place();
    const [row] = await handle.db
      .select()
      .from(agencyPlacements)
      .where(eq(agencyPlacements.id, placed.placementId));
    expect(row).toMatchObject({
      commissionBps: 3000,
      balanceAtPlacementMinor: caseRow.balanceMinor,
      approvedBy: supervisor.id,
      placedAt: NOW,
    });
    await expect(place()).rejects.toMatchObject({ code: 'CONFLICT' });
    const rows = await handle.db
      .select()
      .from(agencyPlacements)
      .where(eq(agencyPlacements.caseId, caseRow.id));
    expect(rows).toHaveLength(1);
  });

  it('files an approved suit and refuses a claim above the balance', async () => {
    const { agentCaller, caseRow, agent, supervisor } = await world();
    await buildEscalation(handle.db, {
      caseId: caseRow.id,
      kind: 'legal_filing',
      requestedBy: agent.id,
      status: 'approved',
      decidedBy: supervisor.id,
    });
    const file = (claimMinor: number) =>
      agentCaller.escalations.fileLegalAction({
        idempotencyKey: key(),
        caseId: caseRow.id,
        court: 'Springfield District Court',
        claimMinor,
      });
    await expect(file(caseRow.balanceMinor + 1)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const filed = await file(caseRow.balanceMinor);
    const [row] = await handle.db.select().from(legalActions).where(eq(legalActions.id, filed.legalActionId));
    expect(row).toMatchObject({
      status: 'filed',
      filedAt: NOW,
      claimMinor: caseRow.balanceMinor,
      approvedBy: supervisor.id,
    });
  });
});

describe('visit rules', () => {
  it('counts a visit on the calendar against the Massachusetts limit of one per 30 days (US-MA-VISIT)', async () => {
    const { agentCaller, caseRow, home, agent, supervisor } = await world({
      debtor: { jurisdictionRegion: 'MA' },
    });
    // Two approvals: each allows one visit (decision record 026), so only the Massachusetts limit refuses the second.
    for (let i = 0; i < 2; i++) {
      await buildEscalation(handle.db, {
        caseId: caseRow.id,
        kind: 'field_visit',
        requestedBy: agent.id,
        status: 'approved',
        decidedBy: supervisor.id,
      });
    }
    const visit = (scheduledFor: string) =>
      agentCaller.escalations.scheduleFieldVisit({
        idempotencyKey: key(),
        caseId: caseRow.id,
        addressId: home.id,
        scheduledFor,
      });
    await visit(FRIDAY_NOON);
    expect((await refusedAttempt(handle.db, visit('2026-11-20T17:00:00Z'))).decision?.ruleIds).toEqual([
      'US-MA-VISIT',
    ]);
  });

  it('refuses a visit in China without a recording reference (CN-CBA-VISIT)', async () => {
    const { agentCaller, caseRow, home, agent, supervisor } = await world({
      debtor: { jurisdictionCountry: 'CN', jurisdictionRegion: null, explicitTimeZone: 'Asia/Shanghai' },
      portfolio: { country: 'CN', region: null, currency: 'CNY' },
    });
    await buildEscalation(handle.db, {
      caseId: caseRow.id,
      kind: 'field_visit',
      requestedBy: agent.id,
      status: 'approved',
      decidedBy: supervisor.id,
    });
    const slot = '2026-11-13T03:00:00Z'; // 11:00 in Shanghai
    const visit = (recordingRef?: string) =>
      agentCaller.escalations.scheduleFieldVisit({
        idempotencyKey: key(),
        caseId: caseRow.id,
        addressId: home.id,
        scheduledFor: slot,
        ...(recordingRef ? { recordingRef } : {}),
      });
    expect((await refusedAttempt(handle.db, visit())).decision?.ruleIds).toEqual(['CN-CBA-VISIT']);
    expect((await visit('REC-2026-11-13-001')).outcome).toBe('allowed');
  });

  it('refuses a visit in the past as bad input and writes nothing', async () => {
    const { agentCaller, caseRow, home } = await world();
    const attempt = agentCaller.escalations.scheduleFieldVisit({
      idempotencyKey: key(),
      caseId: caseRow.id,
      addressId: home.id,
      scheduledFor: '2026-11-10T17:00:00Z',
    });
    await expect(attempt).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('future'),
    });
    const rows = await handle.db
      .select()
      .from(fieldVisits)
      .where(and(eq(fieldVisits.caseId, caseRow.id)));
    expect(rows).toEqual([]);
  });
});
