import type { Database } from '../../../server/src/db/client.ts';
import * as s from '../../../server/src/db/schema/index.ts';
import { key } from '../support/builders.ts';
import { freshPoolCase } from './compliance.ts';
import { type MatrixRow, only } from './types.ts';

/** A complaint about a case, received two days ago, due in thirteen; override any column. */
export async function buildComplaint(
  db: Database,
  options: Partial<typeof s.complaints.$inferInsert> & { caseId: string },
) {
  const receivedAt = new Date(Date.now() - 2 * 86_400_000);
  const [row] = await db
    .insert(s.complaints)
    .values({
      receivedAt,
      resolveBy: new Date(receivedAt.getTime() + 15 * 86_400_000),
      channel: 'phone',
      description: 'The agent was rude on the phone',
      ...options,
    })
    .returning();
  return row!;
}

/**
 * The approvals queue is the supervisor's (deciding is `escalations.decide`); complaints are read by every
 * oversight role in scope and worked by the team's supervisor; reassignment is 'case:reassign' (supervisor, admin).
 */
export const supervisionMatrix: Record<string, MatrixRow> = {
  'approvals.list': {
    access: only('supervisor'),
    call: (c) => c.approvals.list({ status: 'pending' }),
  },
  'complaints.list': {
    access: only('supervisor', 'manager', 'admin'),
    call: (c) => c.complaints.list({}),
  },
  'complaints.assignees': {
    access: only('supervisor'),
    call: (c) => c.complaints.assignees(),
  },
  'complaints.assign': {
    access: only('supervisor'),
    call: async (c, world) => {
      const { caseRow } = await freshPoolCase(world);
      const complaint = await buildComplaint(world.db, { caseId: caseRow.id });
      return c.complaints.assign({
        idempotencyKey: key(),
        complaintId: complaint.id,
        assigneeId: world.users.agent.id,
      });
    },
  },
  'complaints.investigate': {
    access: only('supervisor'),
    call: async (c, world) => {
      const { caseRow } = await freshPoolCase(world);
      const complaint = await buildComplaint(world.db, { caseId: caseRow.id });
      return c.complaints.investigate({ idempotencyKey: key(), complaintId: complaint.id });
    },
  },
  'complaints.resolve': {
    access: only('supervisor'),
    call: async (c, world) => {
      const { caseRow } = await freshPoolCase(world);
      const complaint = await buildComplaint(world.db, { caseId: caseRow.id });
      return c.complaints.resolve({
        idempotencyKey: key(),
        complaintId: complaint.id,
        resolution: 'Apologised and coached the agent',
      });
    },
  },
  'team.overview': {
    access: only('supervisor', 'admin'),
    call: (c) => c.team.overview(),
  },
  'team.alerts': {
    access: only('supervisor', 'admin'),
    call: (c) => c.team.alerts(),
  },
  'team.cases': {
    access: only('supervisor', 'admin'),
    call: (c, world) => c.team.cases({ teamId: world.teamId }),
  },
  'team.reassign': {
    access: only('supervisor', 'admin'),
    call: async (c, world) => {
      const { caseRow } = await freshPoolCase(world);
      return c.team.reassign({
        idempotencyKey: key(),
        teamId: world.teamId,
        caseIds: [caseRow.id],
        toAgentId: world.users.agent.id,
      });
    },
  },
};
