import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/client.ts';
import { auditEvents, fieldVisits } from '../../server/src/db/schema/index.ts';
import {
  buildContactPoint,
  buildDispute,
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

async function world() {
  const w = await buildWorkedCase(handle.db);
  const home = await buildContactPoint(handle.db, w.debtor.id, { kind: 'home_address' });
  const as = (user: typeof w.agent) => callerFor(handle.db, user, { now: NOW }).caller;
  return { ...w, home, as, agentCaller: as(w.agent), supervisorCaller: as(w.supervisor) };
}

describe('approvals queue', () => {
  it('lists a pending field visit with the case facts and the verdict once approved; the approval lets the visit through the guard', async () => {
    const w = await world();
    const visit = () =>
      w.agentCaller.escalations.scheduleFieldVisit({
        idempotencyKey: key(),
        caseId: w.caseRow.id,
        addressId: w.home.id,
        scheduledFor: FRIDAY_NOON,
      });
    expect((await refusedAttempt(handle.db, visit())).decision).toMatchObject({ ruleIds: ['POL-APPROVAL'] });

    const request = await w.agentCaller.escalations.request({
      idempotencyKey: key(),
      caseId: w.caseRow.id,
      kind: 'field_visit',
      reason: 'No answer on any phone for weeks',
    });
    const queue = await w.supervisorCaller.approvals.list({});
    expect(queue.total).toBe(1);
    const [row] = queue.rows;
    expect(row).toMatchObject({
      requestId: request.requestId,
      caseId: w.caseRow.id,
      accountRef: w.caseRow.accountRef,
      debtorName: w.debtor.fullName,
      balanceMinor: w.caseRow.balanceMinor,
      currency: 'USD',
      kind: 'field_visit',
      status: 'pending',
      requestedBy: { id: w.agent.id, name: w.agent.name },
      requestReason: 'No answer on any phone for weeks',
      decidedBy: null,
    });
    // The verdict assumes the approval: nothing else stands in the way of a visit at noon on a Wednesday.
    expect(row!.verdict).toMatchObject({ allowed: true, violations: [], noTarget: false });
    expect(row!.verdict!.targetLabel).toEqual(expect.any(String));

    const decided = await w.supervisorCaller.escalations.decide({
      idempotencyKey: key(),
      requestId: request.requestId,
      approve: true,
      reason: 'Field team is in the area',
    });
    expect(decided.status).toBe('approved');
    expect((await w.supervisorCaller.approvals.list({})).total).toBe(0);
    const history = await w.supervisorCaller.approvals.list({ status: 'approved' });
    expect(history.rows[0]).toMatchObject({
      requestId: request.requestId,
      status: 'approved',
      decidedBy: { id: w.supervisor.id },
      decisionReason: 'Field team is in the area',
      decidedAt: NOW.toISOString(),
      // Not used yet: it lapses 7 days after the decision (decision record 026).
      usedAt: null,
      expiresAt: new Date(NOW.getTime() + 7 * 86_400_000).toISOString(),
      verdict: null,
    });

    const scheduled = await visit();
    const used = await w.supervisorCaller.approvals.list({ status: 'approved' });
    expect(used.rows[0]).toMatchObject({
      requestId: request.requestId,
      usedAt: NOW.toISOString(),
      expiresAt: null,
    });
    const [stored] = await handle.db.select().from(fieldVisits).where(eq(fieldVisits.id, scheduled.visitId));
    expect(stored?.approvedBy).toBe(w.supervisor.id);
    const audited = await handle.db
      .select({ action: auditEvents.action, actorId: auditEvents.actorId })
      .from(auditEvents)
      .where(and(eq(auditEvents.caseId, w.caseRow.id), eq(auditEvents.entityId, request.requestId)));
    expect(audited).toContainEqual({ action: 'escalation.approve', actorId: w.supervisor.id });
  });

  it('shows what besides the approval blocks: an unverified dispute', async () => {
    const w = await world();
    await buildDispute(handle.db, w.caseRow.id, { receivedAt: new Date('2026-11-01T15:00:00Z') });
    await w.agentCaller.escalations.request({
      idempotencyKey: key(),
      caseId: w.caseRow.id,
      kind: 'legal_filing',
      reason: 'Debt verified, suing before limitations',
    });
    const { rows } = await w.supervisorCaller.approvals.list({ kind: 'legal_filing' });
    const row = rows.find((r) => r.caseId === w.caseRow.id);
    expect(row?.verdict?.allowed).toBe(false);
    const ruleIds = row!.verdict!.violations.map((v) => v.ruleId);
    expect(ruleIds).toContain('US-FDCPA-DISPUTE');
    expect(ruleIds).not.toContain('POL-APPROVAL');
  });

  it('filters by kind, oldest first', async () => {
    const w = await world();
    const second = await buildWorkedCase(handle.db);
    const placement = await w.agentCaller.escalations.request({
      idempotencyKey: key(),
      caseId: w.caseRow.id,
      kind: 'agency_placement',
      reason: 'Nothing collected in six months',
    });
    const visit = await w.agentCaller.escalations.request({
      idempotencyKey: key(),
      caseId: w.caseRow.id,
      kind: 'field_visit',
      reason: 'Phones disconnected, address confirmed',
    });
    await callerFor(handle.db, second.agent, { now: NOW }).caller.escalations.request({
      idempotencyKey: key(),
      caseId: second.caseRow.id,
      kind: 'field_visit',
      reason: 'Another team, another supervisor',
    });
    const all = await w.supervisorCaller.approvals.list({});
    expect(all.rows.map((r) => r.requestId)).toEqual([placement.requestId, visit.requestId]);
    const visits = await w.supervisorCaller.approvals.list({ kind: 'field_visit' });
    expect(visits.rows.map((r) => r.requestId)).toEqual([visit.requestId]);
  });

  it('keeps other teams out: another supervisor neither sees nor decides; an agent is refused; bad input is a 400', async () => {
    const w = await world();
    const request = await w.agentCaller.escalations.request({
      idempotencyKey: key(),
      caseId: w.caseRow.id,
      kind: 'field_visit',
      reason: 'No answer on any phone for weeks',
    });
    const outsider = await buildUser(handle.db, 'supervisor', {
      supervises: [(await buildTeam(handle.db)).id],
    });
    const outsiderCaller = w.as(outsider);
    expect((await outsiderCaller.approvals.list({})).rows).toEqual([]);
    await expect(
      outsiderCaller.escalations.decide({
        idempotencyKey: key(),
        requestId: request.requestId,
        approve: true,
        reason: 'Why not',
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(w.agentCaller.approvals.list({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(w.supervisorCaller.approvals.list({ status: 'maybe' as 'pending' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('status'),
    });
    await expect(w.supervisorCaller.approvals.list({ pageSize: 5000 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });
});
