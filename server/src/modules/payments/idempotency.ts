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

/**
 * A retry carries the same payment: same case, amount, currency and method. The received instant is not
 * compared (a client may re-read its clock on retry); anything else means the key was reused for another
 * payment, which is refused rather than silently answered with a payment the caller did not ask for.
 */
export function requireSamePayment(original: PaymentRow, input: z.output<typeof recordPaymentInput>): void {
  const same =
    original.caseId === input.caseId &&
    original.amountMinor === input.amountMinor &&
    original.currency === input.currency &&
    original.method === input.method;
  if (!same) {
    throw new AppError(
      'CONFLICT',
      'idempotencyKey: this key was already used for a different payment; a new payment needs a new key',
    );
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
