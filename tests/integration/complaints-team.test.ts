import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/client.ts';
import { cases, complaints, users } from '../../server/src/db/schema/index.ts';
import { buildComplaint } from './matrix/supervision.ts';
import { buildTeam, buildUser, buildWorkedCase, key } from './support/builders.ts';
import { callerFor } from './support/caller.ts';
import { createTestDatabase } from './support/db.ts';

const NOW = new Date('2026-11-11T17:00:00Z');

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

/** A case of team A; team B next door with its own agent and supervisor; one supervisor runs both teams. */
async function world() {
  const w = await buildWorkedCase(handle.db);
  const otherTeam = await buildTeam(handle.db);
  const otherAgent = await buildUser(handle.db, 'agent', { teamId: otherTeam.id });
  const otherSupervisor = await buildUser(handle.db, 'supervisor', { supervises: [otherTeam.id] });
  const bothTeams = await buildUser(handle.db, 'supervisor', { supervises: [w.team.id, otherTeam.id] });
  const as = (user: typeof w.agent) => callerFor(handle.db, user, { now: NOW }).caller;
  return { ...w, otherTeam, otherAgent, otherSupervisor, bothTeams, as };
}

const complaintsOn = (caseId: string) =>
  handle.db.select().from(complaints).where(eq(complaints.caseId, caseId));
const versionOf = async (caseId: string) =>
  (await handle.db.select({ version: cases.version }).from(cases).where(eq(cases.id, caseId)))[0]!.version;

describe('a complaint names only people who work the case’s team', () => {
  it('casework.recordComplaint refuses an agent or supervisor of another team, writing nothing', async () => {
    const w = await world();
    const record = (agentId: string) =>
      w.as(w.agent).casework.recordComplaint({
        idempotencyKey: key(),
        caseId: w.caseRow.id,
        agentId,
        channel: 'phone',
        description: 'The agent shouted at me on the phone',
      });
    for (const stranger of [w.otherAgent, w.otherSupervisor]) {
      await expect(record(stranger.id)).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        message: expect.stringMatching(/^agentId: .*case’s team/),
      });
    }
    expect(await complaintsOn(w.caseRow.id)).toEqual([]);
    expect(await versionOf(w.caseRow.id)).toBe(w.caseRow.version);
  });

  it('casework.recordComplaint names the team’s agents (former ones too) and its supervisors', async () => {
    const w = await world();
    const formerAgent = await buildUser(handle.db, 'agent', { teamId: w.team.id });
    await handle.db.update(users).set({ active: false }).where(eq(users.id, formerAgent.id));
    for (const named of [w.agent, formerAgent, w.supervisor, w.bothTeams]) {
      await w.as(w.agent).casework.recordComplaint({
        idempotencyKey: key(),
        caseId: w.caseRow.id,
        agentId: named.id,
        channel: 'letter',
        description: 'Letters keep coming after I asked them to stop',
      });
    }
    const named = (await complaintsOn(w.caseRow.id)).map((c) => c.agentId);
    expect(named.sort()).toEqual([w.agent.id, formerAgent.id, w.supervisor.id, w.bothTeams.id].sort());
  });

  it('complaints.assign refuses, even from a supervisor of both teams, someone of the other team', async () => {
    const w = await world();
    const complaint = await buildComplaint(handle.db, { caseId: w.caseRow.id, agentId: w.agent.id });
    const supervisor = w.as(w.bothTeams);
    for (const stranger of [w.otherAgent, w.otherSupervisor]) {
      await expect(
        supervisor.complaints.assign({
          idempotencyKey: key(),
          complaintId: complaint.id,
          assigneeId: stranger.id,
        }),
      ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('assigneeId') });
    }
    const [unchanged] = await complaintsOn(w.caseRow.id);
    expect(unchanged?.assignedTo).toBeNull();
    const assigned = await supervisor.complaints.assign({
      idempotencyKey: key(),
      complaintId: complaint.id,
      assigneeId: w.agent.id,
    });
    expect(assigned.assignedTo).toEqual({ id: w.agent.id, name: w.agent.name });
  });

  it('complaints.list gives each complaint its case’s team, so the assign form offers only that team', async () => {
    const w = await world();
    const complaint = await buildComplaint(handle.db, { caseId: w.caseRow.id });
    const supervisor = w.as(w.bothTeams);
    const { rows } = await supervisor.complaints.list({});
    expect(rows.find((r) => r.id === complaint.id)?.teamId).toBe(w.team.id);
    const assignees = await supervisor.complaints.assignees();
    const offered = assignees.filter((a) => a.teamIds.includes(w.team.id)).map((a) => a.id);
    expect(offered.sort()).toEqual([w.agent.id, w.supervisor.id, w.bothTeams.id].sort());
  });
});
