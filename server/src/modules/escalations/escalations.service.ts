import { errorMessage } from '@arrears/shared/errors/messages';
import type { SessionUser } from '@arrears/shared/schemas/auth';
import type {
  EscalationView,
  escalationDecideInput,
  escalationRequestInput,
} from '@arrears/shared/schemas/escalations';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { rowExists } from '../../db/row-exists.ts';
import { cases, escalationRequests } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { caseScope, findCaseInScope } from '../cases/cases.service.ts';

interface Options<Input> {
  user: SessionUser;
  input: Input;
  now: Date;
  ip: string | null;
}

/** An agent or supervisor asks to climb the ladder; one pending request per kind and case. */
export async function requestEscalation(
  db: Database,
  { user, input, ip }: Options<z.output<typeof escalationRequestInput>>,
): Promise<EscalationView> {
  return db.transaction(async (tx) => {
    await findCaseInScope(tx, user, input.caseId);
    const pending = await rowExists(
      tx,
      escalationRequests,
      eq(escalationRequests.caseId, input.caseId),
      eq(escalationRequests.kind, input.kind),
      eq(escalationRequests.status, 'pending'),
    );
    if (pending)
      throw new AppError('CONFLICT', errorMessage('escalation.alreadyPending', { kind: input.kind }));
    const [row] = await tx
      .insert(escalationRequests)
      .values({ caseId: input.caseId, kind: input.kind, requestedBy: user.id, requestReason: input.reason })
      .returning();
    await recordAudit(tx, {
      actorId: user.id,
      action: 'escalation.request',
      entityType: 'escalation_request',
      entityId: row!.id,
      caseId: input.caseId,
      after: { kind: input.kind, reason: input.reason, status: 'pending' },
      ip,
    });
    return { requestId: row!.id, caseId: row!.caseId, kind: row!.kind, status: row!.status };
  });
}

/**
 * A supervisor approves or rejects a pending request on a case of their teams. An approval is what
 * POL-APPROVAL reads; the status moves only from pending, so two supervisors cannot both decide.
 */
export async function decideEscalation(
  db: Database,
  { user, input, now, ip }: Options<z.output<typeof escalationDecideInput>>,
): Promise<EscalationView> {
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select({ request: escalationRequests })
      .from(escalationRequests)
      .innerJoin(cases, eq(cases.id, escalationRequests.caseId))
      .where(and(eq(escalationRequests.id, input.requestId), caseScope(user)));
    if (!found) throw new AppError('NOT_FOUND', errorMessage('escalation.notFound'));
    const status = input.approve ? 'approved' : 'rejected';
    const [row] = await tx
      .update(escalationRequests)
      .set({ status, decidedBy: user.id, decisionReason: input.reason, decidedAt: now })
      .where(and(eq(escalationRequests.id, input.requestId), eq(escalationRequests.status, 'pending')))
      .returning();
    if (!row)
      throw new AppError(
        'CONFLICT',
        errorMessage('escalation.alreadyDecided', { status: found.request.status }),
      );
    await recordAudit(tx, {
      actorId: user.id,
      action: input.approve ? 'escalation.approve' : 'escalation.reject',
      entityType: 'escalation_request',
      entityId: row.id,
      caseId: row.caseId,
      before: { status: found.request.status },
      after: { status, reason: input.reason },
      ip,
    });
    return { requestId: row.id, caseId: row.caseId, kind: row.kind, status: row.status };
  });
}
