import { DAY_MS } from '@arrears/shared/domain/calendar';
import { errorMessage } from '@arrears/shared/errors/messages';
import type {
  addNoteInput,
  recordComplaintInput,
  scheduleCallbackInput,
  setHoldInput,
} from '@arrears/shared/schemas/casework';
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Transaction } from '../../db/client.ts';
import { callbacks, caseNotes, cases, complaints, supervisorTeams, users } from '../../db/schema/index.ts';
import { AppError, invalidField } from '../../errors.ts';
import { caseEvent, pastInstant } from './case-event.ts';

/** Complaints are answered within 15 days of receipt: the CFPB's response window for complaints. */
export const COMPLAINT_RESOLVE_DAYS = 15;

export const addNote = caseEvent<z.output<typeof addNoteInput>>(({ input, now, user }) => ({
  reach: 'case',
  write: async (tx, caseRow) => {
    const [row] = await tx
      .insert(caseNotes)
      .values({ caseId: caseRow.id, authorId: user.id, body: input.body, createdAt: now })
      .returning({ id: caseNotes.id });
    const after = { at: now.toISOString(), length: input.body.length };
    return { action: 'casework.note', entityType: 'case_note', entityId: row!.id, after };
  },
}));

/**
 * A callback lands in the queue of the case's agent (the caller's when the case sits in the pool). It is not
 * judged now: the call it prompts goes through the guard when it is made.
 */
export const scheduleCallback = caseEvent<z.output<typeof scheduleCallbackInput>>(({ input, now, user }) => {
  const dueAt = new Date(input.dueAt);
  if (dueAt <= now) throw invalidField('dueAt', errorMessage('callback.notInFuture'));
  return {
    reach: 'case',
    write: async (tx, caseRow) => {
      const agentId = caseRow.assignedAgentId ?? user.id;
      const [row] = await tx
        .insert(callbacks)
        .values({ caseId: caseRow.id, agentId, dueAt, note: input.note || null, createdAt: now })
        .returning({ id: callbacks.id });
      return {
        action: 'casework.callback',
        entityType: 'callback',
        entityId: row!.id,
        after: { at: now.toISOString(), dueAt: dueAt.toISOString(), agentId },
      };
    },
  };
});

/**
 * A supervisor puts the case on hold until an instant (POL-HOLD), or lifts it with `until: null`. This is also
 * how "complaint under review" holds a case: recording a complaint does not hold it by itself.
 */
export const setHold = caseEvent<z.output<typeof setHoldInput>>(({ input, now }) => {
  const until = input.until === null ? null : new Date(input.until);
  if (until !== null && until <= now) throw invalidField('until', errorMessage('hold.notInFuture'));
  return {
    reach: 'case',
    write: async (tx, caseRow) => {
      const holdReason = until === null ? null : input.reason;
      // A hold counts from when it was set (docs/compliance/CATALOG.md, principle 11); changing the end of a running hold keeps its start.
      const running = caseRow.holdUntil !== null && caseRow.holdUntil > now;
      const holdFrom = until === null ? null : running ? (caseRow.holdFrom ?? now) : now;
      await tx.update(cases).set({ holdFrom, holdUntil: until, holdReason }).where(eq(cases.id, caseRow.id));
      return {
        action: 'casework.hold',
        entityType: 'case',
        entityId: caseRow.id,
        before: { holdUntil: caseRow.holdUntil?.toISOString() ?? null, holdReason: caseRow.holdReason },
        after: { at: now.toISOString(), until: until?.toISOString() ?? null, reason: input.reason },
      };
    },
  };
});

/**
 * A debtor's complaint, tied to the case and (when it names one) the agent; supervisors resolve it within
 * COMPLAINT_RESOLVE_DAYS. It does not put the case on hold: a supervisor decides that with `setHold`.
 */
export const recordComplaint = caseEvent<z.output<typeof recordComplaintInput>>(({ input, now, user }) => {
  const receivedAt = pastInstant('receivedAt', input.receivedAt, now);
  return {
    reach: 'case',
    effectiveAt: { field: 'receivedAt', at: receivedAt },
    write: async (tx, caseRow) => {
      if (input.agentId !== undefined) await checkNamedAgent(tx, input.agentId, caseRow.teamId);
      const resolveBy = new Date(receivedAt.getTime() + COMPLAINT_RESOLVE_DAYS * DAY_MS);
      const [row] = await tx
        .insert(complaints)
        .values({
          caseId: caseRow.id,
          agentId: input.agentId ?? null,
          receivedAt,
          channel: input.channel,
          description: input.description,
          resolveBy,
          recordedBy: user.id,
        })
        .returning({ id: complaints.id });
      return {
        action: 'casework.complaint',
        entityType: 'complaint',
        entityId: row!.id,
        after: { at: now.toISOString(), agentId: input.agentId ?? null, resolveBy: resolveBy.toISOString() },
      };
    },
  };
});

/**
 * A complaint may name an agent of the case's team (a former one too: debtors complain about who called them)
 * or a supervisor of it; someone of another team would show up in that team's complaint figures.
 */
async function checkNamedAgent(tx: Transaction, agentId: string, teamId: string | null): Promise<void> {
  const [person] = await tx
    .select({ role: users.role, teamId: users.teamId })
    .from(users)
    .where(and(eq(users.id, agentId), inArray(users.role, ['agent', 'supervisor'])));
  if (!person) throw new AppError('NOT_FOUND', errorMessage('case.agentNotFound'));
  const worksTeam =
    teamId !== null &&
    (person.role === 'agent'
      ? person.teamId === teamId
      : (
          await tx
            .select({ teamId: supervisorTeams.teamId })
            .from(supervisorTeams)
            .where(and(eq(supervisorTeams.supervisorId, agentId), eq(supervisorTeams.teamId, teamId)))
        ).length > 0);
  if (!worksTeam) {
    throw invalidField('agentId', errorMessage('case.agentOutsideTeam'));
  }
}
