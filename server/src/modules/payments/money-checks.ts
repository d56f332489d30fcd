import type { DebtorCalendar } from '@arrears/shared/domain/promise-state';
import { errorMessage } from '@arrears/shared/errors/messages';
import type { SessionUser } from '@arrears/shared/schemas/auth';
import type { Database, Executor, Transaction } from '../../db/client.ts';
import { AppError, invalidField } from '../../errors.ts';
import { type CaseRequest, type CaseRow, withCase } from '../case-core/case-core.service.ts';
import { moneyCalendar } from './debtor-zones.ts';

/** Promises, plans and payments belong to cases still being worked. */
export function requireActive(caseRow: CaseRow, what: MoneyRecord): void {
  if (caseRow.status !== 'active') {
    throw new AppError(
      'PRECONDITION_FAILED',
      errorMessage('payment.caseClosed', { status: caseRow.status, what }),
    );
  }
}

/** What is being recorded, for the refusal's words. */
export type MoneyRecord = 'plan' | 'promise' | 'payment';

/** The amount must be in the case's currency: no conversion happens anywhere. */
export function requireCurrency(caseRow: CaseRow, currency: string): void {
  if (currency !== caseRow.currency) {
    throw invalidField(
      'currency',
      errorMessage('payment.wrongCurrency', { caseCurrency: caseRow.currency, given: currency }),
    );
  }
}

/** Nothing is promised or paid beyond what is owed. */
export function requireWithinBalance(caseRow: CaseRow, field: string, amountMinor: number): void {
  if (amountMinor > caseRow.balanceMinor) {
    throw invalidField(
      field,
      errorMessage('payment.aboveBalance', {
        amount: amountMinor,
        balance: caseRow.balanceMinor,
        currency: caseRow.currency,
      }),
      { balanceMinor: caseRow.balanceMinor },
    );
  }
}

/**
 * The checks every new promise or plan passes under the case's locks: a case still worked, the case's currency, no
 * more than is owed. Returns the debtor's calendar, on which its dates are days.
 */
export async function requireMoneyWrite(
  tx: Executor,
  caseRow: CaseRow,
  now: Date,
  check: { what: MoneyRecord; currency: string; field: string; amountMinor: number },
): Promise<DebtorCalendar> {
  const calendar = await moneyCalendar(tx, caseRow, now);
  requireActive(caseRow, check.what);
  requireCurrency(caseRow, check.currency);
  requireWithinBalance(caseRow, check.field, check.amountMinor);
  return calendar;
}

/** What a money write is given: who, the request's input, when, and from where. */
export interface MoneyWrite<Input> {
  user: SessionUser;
  input: Input;
  now: Date;
  ip: string | null;
}

/** withCase's request for a money write: the case row locked FOR NO KEY UPDATE, since amounts are written back. */
export function moneyCase(
  db: Database,
  user: SessionUser,
  input: { caseId: string; expectedVersion?: number | undefined },
  now: Date,
): CaseRequest<'row for update'> {
  const { caseId, expectedVersion } = input;
  return { db, actor: user, caseId, now, expectedVersion, read: 'row for update' };
}

/**
 * A new promise or plan: under the case's locks (moneyCase), the checks every one passes (requireMoneyWrite), then
 * `write` on the debtor's calendar. Answers what `write` returns, with the case's version after it.
 */
export async function writeArrangement<Value>(
  db: Database,
  {
    user,
    input,
    now,
  }: MoneyWrite<{ caseId: string; expectedVersion?: number | undefined; currency: string }>,
  amount: { what: MoneyRecord; field: string; amountMinor: number },
  write: (context: { tx: Transaction; caseRow: CaseRow; calendar: DebtorCalendar }) => Promise<Value>,
): Promise<Value & { caseVersion: number }> {
  const { value, caseVersion } = await withCase(moneyCase(db, user, input, now), async ({ tx, caseRow }) => {
    const calendar = await requireMoneyWrite(tx, caseRow, now, { ...amount, currency: input.currency });
    return { value: await write({ tx, caseRow, calendar }) };
  });
  return { ...value, caseVersion };
}
