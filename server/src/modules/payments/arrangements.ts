import { and, eq, isNull } from 'drizzle-orm';
import type { Transaction } from '../../db/client.ts';
import { paymentPlans, promises } from '../../db/schema/index.ts';
import { recordAudit } from '../audit/audit.service.ts';

/** What ends a case's arrangement: a new promise or plan replacing it, or the case being paid in full. */
interface Ending {
  caseId: string;
  now: Date;
  actorId: string;
  ip: string | null;
}

/**
 * Cancels a case's pending promises that a new arrangement replaces: the standalone one, or (for a new plan)
 * every pending one, installments included. Each cancellation is audited with its reason.
 */
export async function supersedePending(
  tx: Transaction,
  options: Ending & { standaloneOnly: boolean; reason?: string },
): Promise<string[]> {
  const cancelled = await tx
    .update(promises)
    .set({ status: 'cancelled', resolvedAt: options.now })
    .where(
      and(
        eq(promises.caseId, options.caseId),
        eq(promises.status, 'pending'),
        options.standaloneOnly ? isNull(promises.paymentPlanId) : undefined,
      ),
    )
    .returning({ id: promises.id });
  for (const { id } of cancelled) {
    await recordAudit(tx, {
      actorId: options.actorId,
      action: 'promise.cancelled',
      entityType: 'promise',
      entityId: id,
      caseId: options.caseId,
      before: { status: 'pending' },
      after: { status: 'cancelled', reason: options.reason ?? 'superseded by a new arrangement' },
      ip: options.ip,
    });
  }
  return cancelled.map((row) => row.id);
}

/** Ends the case's active plan (`cancelled` when replaced, `completed` when the case is paid); audited. */
export async function endActivePlans(
  tx: Transaction,
  options: Ending & { status: 'cancelled' | 'completed'; reason: string },
): Promise<string[]> {
  const ended = await tx
    .update(paymentPlans)
    .set({ status: options.status })
    .where(and(eq(paymentPlans.caseId, options.caseId), eq(paymentPlans.status, 'active')))
    .returning({ id: paymentPlans.id });
  for (const { id } of ended) {
    await recordAudit(tx, {
      actorId: options.actorId,
      action: `payment_plan.${options.status}`,
      entityType: 'payment_plan',
      entityId: id,
      caseId: options.caseId,
      before: { status: 'active' },
      after: { status: options.status, reason: options.reason },
      ip: options.ip,
    });
  }
  return ended.map((row) => row.id);
}

/**
 * A case paid in full owes nothing more: promises still pending (money received before they were made paid
 * them off) are cancelled and its active plan is completed, so the nightly roll never breaks them.
 */
export async function closeArrangements(tx: Transaction, options: Ending): Promise<void> {
  const reason = 'the case was paid in full';
  await supersedePending(tx, { ...options, standaloneOnly: false, reason });
  await endActivePlans(tx, { ...options, status: 'completed', reason });
}
