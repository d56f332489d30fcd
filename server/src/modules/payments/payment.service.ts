import { allocatePayment } from '@arrears/shared/domain/allocation';
import { caseEventWindow, outsideWindow } from '@arrears/shared/domain/recording-window';
import type { recordPaymentInput, recordPaymentOutput } from '@arrears/shared/schemas/payments';
import type { z } from 'zod';
import type { Database, Transaction } from '../../db/client.ts';
import { payments } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findCaseInScope } from '../cases/case-scope.ts';
import { checkVersion } from '../compliance/case-lock.ts';
import { closeArrangements } from './arrangements.ts';
import { isUniqueViolation, type PaymentSender, paymentByKey, requireSamePayment } from './idempotency.ts';
import {
  bumpCaseVersion,
  type CaseRow,
  type LockedCase,
  lockCaseForMoney,
  requireActive,
  requireCurrency,
  requireWithinBalance,
} from './money-lock.ts';
import { outstandingOf, type PaymentRow, toPaymentView } from './payments.queries.ts';
import type { MoneyWrite } from './promises.service.ts';
import { judgePromises } from './settlement.service.ts';

type Input = z.output<typeof recordPaymentInput>;
type Output = z.output<typeof recordPaymentOutput>;

/**
 * Records money received, once per idempotency key. In one transaction under the case's locks: a key already
 * used answers the original payment and writes nothing; otherwise the amount is allocated fees → interest →
 * principal, the payment appended, the case's paid and owed amounts moved (a payment that clears the balance
 * closes the case as `paid`), and the promises it satisfies marked kept. Two requests with one key racing on
 * different cases meet at the unique index: the loser reads the winner's row and answers as a retry would.
 */
/**
 * What a payment reported by an outside agency adds (agency placements, decision 014): the placement it was
 * collected under, and a write in the same transaction once the payment row exists (its commission).
 */
export interface PaymentOrigin {
  agencyPlacementId: string;
  onRecorded: (tx: Transaction, payment: PaymentRow) => Promise<void>;
}

export async function recordPayment(
  db: Database,
  write: MoneyWrite<Input>,
  origin?: PaymentOrigin,
): Promise<Output> {
  const { user, input, now } = write;
  const sender = { userId: user.id, agencyPlacementId: origin?.agencyPlacementId ?? null };
  try {
    return await db.transaction(async (tx) => {
      const locked = await lockCaseForMoney(tx, user, input.caseId, now);
      const original = await paymentByKey(tx, input.idempotencyKey);
      if (original) return replay(original, locked.caseRow, input, sender);
      // Money is often reported days later: bounded only by the case's placement and now (decision record 020).
      const window = caseEventWindow({ now, placedAt: locked.caseRow.placedAt });
      const refusal = outsideWindow('receivedAt', new Date(input.receivedAt), window);
      if (refusal !== null) throw new AppError('INVALID_INPUT', refusal);
      return await appendPayment(tx, write, locked, origin);
    });
  } catch (error) {
    if (!isUniqueViolation(error, 'payments_idempotency_key')) throw error;
    const original = await paymentByKey(db, input.idempotencyKey);
    if (!original) throw error;
    return replay(original, await findCaseInScope(db, user, input.caseId), input, sender);
  }
}

function replay(original: PaymentRow, caseRow: CaseRow, input: Input, sender: PaymentSender): Output {
  requireSamePayment(original, input, sender);
  return { payment: toPaymentView(original), replayed: true, keptPromiseIds: [], case: caseMoney(caseRow) };
}

async function appendPayment(
  tx: Transaction,
  { user, input, now, ip }: MoneyWrite<Input>,
  { caseRow, zone }: LockedCase,
  origin?: PaymentOrigin,
): Promise<Output> {
  checkVersion(caseRow.version, input.expectedVersion);
  requireActive(caseRow, 'a payment');
  requireCurrency(caseRow, input.currency);
  requireWithinBalance(caseRow, 'amountMinor', input.amountMinor);
  const allocation = allocatePayment(input.amountMinor, await outstandingOf(tx, caseRow));
  const [payment] = await tx
    .insert(payments)
    .values({
      caseId: caseRow.id,
      amountMinor: input.amountMinor,
      currency: input.currency,
      method: input.method,
      idempotencyKey: input.idempotencyKey,
      allocatedFeesMinor: allocation.feesMinor,
      allocatedInterestMinor: allocation.interestMinor,
      allocatedPrincipalMinor: allocation.principalMinor,
      agencyPlacementId: origin?.agencyPlacementId ?? null,
      recordedBy: user.id,
      receivedAt: new Date(input.receivedAt),
      recordedAt: now,
    })
    .returning();
  await origin?.onRecorded(tx, payment!);
  const balanceMinor = caseRow.balanceMinor - input.amountMinor;
  const closes = balanceMinor === 0;
  const updated = await bumpCaseVersion(
    tx,
    caseRow.id,
    {
      paidMinor: caseRow.paidMinor + input.amountMinor,
      balanceMinor,
      ...(closes ? { status: 'paid' as const, closedAt: now } : {}),
    },
    now,
  );
  const zones = new Map([[caseRow.id, zone]]);
  const judged = await judgePromises(tx, { zones, now, mode: 'payment', actorId: user.id });
  if (closes) await closeArrangements(tx, { caseId: caseRow.id, now, actorId: user.id, ip });
  await recordAudit(tx, {
    actorId: user.id,
    action: 'payment.record',
    entityType: 'payment',
    entityId: String(payment!.id),
    caseId: caseRow.id,
    before: { balanceMinor: caseRow.balanceMinor, paidMinor: caseRow.paidMinor, status: caseRow.status },
    after: {
      ...toPaymentView(payment!),
      idempotencyKey: input.idempotencyKey,
      balanceMinor,
      paidMinor: updated.paidMinor,
      status: updated.status,
      keptPromiseIds: judged.kept,
    },
    ip,
  });
  return {
    payment: toPaymentView(payment!),
    replayed: false,
    keptPromiseIds: judged.kept,
    case: caseMoney(updated),
  };
}

function caseMoney(row: CaseRow): Output['case'] {
  const { currency, principalMinor, interestMinor, feesMinor, paidMinor, balanceMinor, status, version } =
    row;
  return { currency, principalMinor, interestMinor, feesMinor, paidMinor, balanceMinor, status, version };
}

// What the other modules use of payments' internals: they import it from here (issue 16).
export { isUniqueViolation } from './idempotency.ts';
export { bumpCaseVersion, lockCaseForMoney } from './money-lock.ts';
