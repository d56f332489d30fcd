import { allocatePayment } from '@arrears/shared/domain/allocation';
import { caseEventWindow, outsideWindow } from '@arrears/shared/domain/recording-window';
import type { recordPaymentInput, recordPaymentOutput } from '@arrears/shared/schemas/payments';
import type { z } from 'zod';
import type { Database, Transaction } from '../../db/client.ts';
import { payments } from '../../db/schema/index.ts';
import { invalidField } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import {
  type CaseRow,
  type Change,
  checkVersion,
  findCaseInScope,
  withCase,
} from '../case-core/case-core.service.ts';
import { closeArrangements } from './arrangements.ts';
import { moneyCalendar } from './debtor-zones.ts';
import { isUniqueViolation, type PaymentSender, paymentByKey, requireSamePayment } from './idempotency.ts';
import { type MoneyWrite, requireActive, requireCurrency, requireWithinBalance } from './money-checks.ts';
import { outstandingOf, type PaymentRow, toPaymentView } from './payments.queries.ts';
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
    // No version check before the key is looked up: a retry carries the version its first attempt moved past.
    const { value: answer, caseRow } = await withCase(
      { db, actor: user, caseId: input.caseId, now, read: 'row for update' },
      async ({ tx, caseRow }): Promise<Change<(row: CaseRow) => Output>> => {
        const { zone } = await moneyCalendar(tx, caseRow, now);
        const original = await paymentByKey(tx, input.idempotencyKey);
        if (original) return { value: () => replay(original, caseRow, input, sender), unchanged: true };
        // Money is often reported days later: bounded only by the case's placement and now (decision record 020).
        const window = caseEventWindow({ now, placedAt: caseRow.placedAt });
        const refusal = outsideWindow('receivedAt', new Date(input.receivedAt), window);
        if (refusal !== null) throw invalidField(refusal.field, refusal.problem);
        return await appendPayment(tx, write, { caseRow, zone }, origin);
      },
    );
    return answer(caseRow);
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
  { caseRow, zone }: { caseRow: CaseRow; zone: string },
  origin?: PaymentOrigin,
): Promise<Change<(row: CaseRow) => Output>> {
  checkVersion(caseRow.version, input.expectedVersion);
  requireActive(caseRow, 'payment');
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
  const changes = {
    paidMinor: caseRow.paidMinor + input.amountMinor,
    balanceMinor,
    ...(closes ? { status: 'paid' as const, closedAt: now } : {}),
  };
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
      paidMinor: changes.paidMinor,
      status: changes.status ?? caseRow.status,
      keptPromiseIds: judged.kept,
    },
    ip,
  });
  return {
    value: (updated) => ({
      payment: toPaymentView(payment!),
      replayed: false,
      keptPromiseIds: judged.kept,
      case: caseMoney(updated),
    }),
    changes,
  };
}

function caseMoney(row: CaseRow): Output['case'] {
  const { currency, principalMinor, interestMinor, feesMinor, paidMinor, balanceMinor, status, version } =
    row;
  return { currency, principalMinor, interestMinor, feesMinor, paidMinor, balanceMinor, status, version };
}

/** Whether an insert lost a race on a unique index (the idempotency keys of payments and agency reports). */
export { isUniqueViolation } from './idempotency.ts';
