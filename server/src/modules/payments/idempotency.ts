import { errorMessage } from '@arrears/shared/errors/messages';
import type { recordPaymentInput } from '@arrears/shared/schemas/payments';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Executor } from '../../db/client.ts';
import { payments } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import type { PaymentRow } from './payments.queries.ts';

export async function paymentByKey(db: Executor, idempotencyKey: string): Promise<PaymentRow | null> {
  const [row] = await db.select().from(payments).where(eq(payments.idempotencyKey, idempotencyKey)).limit(1);
  return row ?? null;
}

/** Who sent a payment: the agent's own key, or an agency's reference (any supervisor may report it again). */
export interface PaymentSender {
  userId: string;
  agencyPlacementId: string | null;
}

/**
 * A retry carries the same payment, field for field: case, amount, currency, method, the received instant and the
 * agency placement it came through (decision 022). Anything else means the key was reused for another payment,
 * which is refused rather than answered with a payment the caller did not ask for. An agent's key is theirs alone;
 * an agency's reference is shared by whoever reports it.
 */
export function requireSamePayment(
  original: PaymentRow,
  input: z.output<typeof recordPaymentInput>,
  sender: PaymentSender,
): void {
  const same =
    original.caseId === input.caseId &&
    original.amountMinor === input.amountMinor &&
    original.currency === input.currency &&
    original.method === input.method &&
    original.receivedAt.getTime() === new Date(input.receivedAt).getTime() &&
    original.agencyPlacementId === sender.agencyPlacementId &&
    (sender.agencyPlacementId !== null || original.recordedBy === sender.userId);
  if (!same) {
    throw new AppError('CONFLICT', errorMessage('payment.keyReused'));
  }
}

/**
 * Whether an error is PostgreSQL's unique violation (23505) on `constraint`. Drizzle wraps the driver's
 * error in `cause`; postgres.js names the constraint `constraint_name`, PGlite `constraint`.
 */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const fields = e as { code?: unknown; constraint_name?: unknown; constraint?: unknown; cause?: unknown };
    if (fields.code === '23505' && (fields.constraint_name ?? fields.constraint) === constraint) return true;
    e = fields.cause;
  }
  return false;
}
