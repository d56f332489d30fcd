import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/client.ts';
import { auditEvents, complaints } from '../../server/src/db/schema/index.ts';
import { buildComplaint } from './matrix/supervision.ts';
import { buildTeam, buildUser, buildWorkedCase, key } from './support/builders.ts';
import { callerFor } from './support/caller.ts';
import { createTestDatabase } from './support/db.ts';

const NOW = new Date('2026-11-11T17:00:00Z');
const DAY = 86_400_000;

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

async function world() {
  const w = await buildWorkedCase(handle.db);
  const as = (user: typeof w.agent) => callerFor(handle.db, user, { now: NOW }).caller;
  const complaint = await buildComplaint(handle.db, {
    caseId: w.caseRow.id,
    agentId: w.agent.id,
    receivedAt: new Date(NOW.getTime() - 3 * DAY),
    resolveBy: new Date(NOW.getTime() + 12 * DAY),
  });
  return { ...w, as, complaint, supervisorCaller: as(w.supervisor) };
}

async function auditOf(complaintId: string) {
  return handle.db
    .select({ action: auditEvents.action, before: auditEvents.before, after: auditEvents.after })
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, 'complaint'), eq(auditEvents.entityId, complaintId)))
    .orderBy(auditEvents.id);
}

describe('complaints', () => {
  it('lists a complaint in scope with its age against the target, then assigns, investigates and resolves it, each audited', async () => {
    const w = await world();
    const list = await w.supervisorCaller.complaints.list({});
    expect(list.rows).toHaveLength(1);
    expect(list.rows[0]).toMatchObject({
      id: w.complaint.id,
      accountRef: w.caseRow.accountRef,
      agent: { id: w.agent.id, name: w.agent.name },
      assignedTo: null,
      status: 'open',
      ageDays: 3,
      overdue: false,
    });
    expect(list.agents).toEqual([{ id: w.agent.id, name: w.agent.name }]);

    const assignees = await w.supervisorCaller.complaints.assignees();
    expect(assignees.map((a) => a.id).sort()).toEqual([w.agent.id, w.supervisor.id].sort());

    const assigned = await w.supervisorCaller.complaints.assign({
      idempotencyKey: key(),
      complaintId: w.complaint.id,
      assigneeId: w.agent.id,
    });
    expect(assigned.assignedTo).toEqual({ id: w.agent.id, name: w.agent.name });
    const investigating = await w.supervisorCaller.complaints.investigate({
      idempotencyKey: key(),
      complaintId: w.complaint.id,
    });
    expect(investigating.status).toBe('investigating');
    await expect(
      w.supervisorCaller.complaints.investigate({ idempotencyKey: key(), complaintId: w.complaint.id }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      w.supervisorCaller.complaints.resolve({
        idempotencyKey: key(),
        complaintId: w.complaint.id,
        resolution: 'ok',
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('resolution') });
    const resolved = await w.supervisorCaller.complaints.resolve({
      idempotencyKey: key(),
      complaintId: w.complaint.id,
      resolution: 'Listened to the call, apologised, coached the agent',
    });
    expect(resolved).toMatchObject({
      status: 'resolved',
      resolvedAt: NOW.toISOString(),
      resolvedBy: { id: w.supervisor.id },
      overdue: false,
    });
    await expect(
      w.supervisorCaller.complaints.resolve({
        idempotencyKey: key(),
        complaintId: w.complaint.id,
        resolution: 'Resolving it a second time',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });

    expect((await w.supervisorCaller.complaints.list({})).total).toBe(0);
    expect((await w.supervisorCaller.complaints.list({ status: 'resolved' })).total).toBe(1);
    expect(await auditOf(w.complaint.id)).toEqual([
      { action: 'complaint.assign', before: { assignedTo: null }, after: { assignedTo: w.agent.id } },
      {
        action: 'complaint.investigate',
        before: { status: 'open', assignedTo: w.agent.id },
        after: { status: 'investigating', assignedTo: w.agent.id },
      },
      {
        action: 'complaint.resolve',
        before: { status: 'investigating' },
        after: {
          status: 'resolved',
          resolution: 'Listened to the call, apologised, coached the agent',
          onTime: true,
        },
      },
    ]);
  });

  it('marks a complaint past its target overdue and filters on it', async () => {
    const w = await world();
    const late = await buildComplaint(handle.db, {
      caseId: w.caseRow.id,
      receivedAt: new Date(NOW.getTime() - 20 * DAY),
      resolveBy: new Date(NOW.getTime() - 5 * DAY),
    });
    const overdue = await w.supervisorCaller.complaints.list({ overdueOnly: true });
    expect(overdue.rows.map((r) => [r.id, r.ageDays, r.overdue])).toEqual([[late.id, 20, true]]);
    // Nearest target first: the overdue one leads the default list.
    const all = await w.supervisorCaller.complaints.list({});
    expect(all.rows.map((r) => r.id)).toEqual([late.id, w.complaint.id]);
  });

  it('assigns only to people of the case’s team', async () => {
    const w = await world();
    const otherTeam = await buildTeam(handle.db);
    const stranger = await buildUser(handle.db, 'agent', { teamId: otherTeam.id });
    await expect(
      w.supervisorCaller.complaints.assign({
        idempotencyKey: key(),
        complaintId: w.complaint.id,
        assigneeId: stranger.id,
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('assigneeId') });
    await expect(
      w.supervisorCaller.complaints.assign({
        idempotencyKey: key(),
        complaintId: w.complaint.id,
        assigneeId: 'nope',
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const [row] = await handle.db.select().from(complaints).where(eq(complaints.id, w.complaint.id));
    expect(row?.assignedTo).toBeNull();
    expect(await auditOf(w.complaint.id)).toEqual([]);
  });

  it('keeps other teams out and lets managers read but not work complaints; agents are refused', async () => {
    const w = await world();
    const outsider = await buildUser(handle.db, 'supervisor', {
      supervises: [(await buildTeam(handle.db)).id],
    });
    const outsiderCaller = w.as(outsider);
    expect((await outsiderCaller.complaints.list({})).rows.some((r) => r.id === w.complaint.id)).toBe(false);
    // One call at a time: promises made together would reject before the loop awaits them.
    for (const attempt of [
      () =>
        outsiderCaller.complaints.assign({
          idempotencyKey: key(),
          complaintId: w.complaint.id,
          assigneeId: outsider.id,
        }),
      () => outsiderCaller.complaints.investigate({ idempotencyKey: key(), complaintId: w.complaint.id }),
      () =>
        outsiderCaller.complaints.resolve({
          idempotencyKey: key(),
          complaintId: w.complaint.id,
          resolution: 'Not my team at all',
        }),
    ]) {
      await expect(attempt()).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    const manager = w.as(await buildUser(handle.db, 'manager'));
    expect((await manager.complaints.list({})).rows.some((r) => r.id === w.complaint.id)).toBe(true);
    await expect(
      manager.complaints.resolve({
        idempotencyKey: key(),
        complaintId: w.complaint.id,
        resolution: 'Managers do not resolve',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(w.as(w.agent).complaints.list({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await auditOf(w.complaint.id)).toEqual([]);
  });
});
