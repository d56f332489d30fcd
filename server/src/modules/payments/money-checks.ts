import { formatMoney } from '@arrears/shared/domain/money';
import { AppError } from '../../errors.ts';
import type { CaseRow } from '../case-core/case-core.service.ts';

/** Promises, plans and payments belong to cases still being worked. */
export function requireActive(caseRow: CaseRow, what: string): void {
  if (caseRow.status !== 'active') {
    throw new AppError(
      'PRECONDITION_FAILED',
      `The case is closed (${caseRow.status}); ${what} cannot be recorded on it.`,
    );
  }
}

/** The amount must be in the case's currency: no conversion happens anywhere. */
export function requireCurrency(caseRow: CaseRow, currency: string): void {
  if (currency !== caseRow.currency) {
    throw new AppError(
      'INVALID_INPUT',
      `currency: this case is in ${caseRow.currency}; an amount in ${currency} cannot be recorded on it`,
    );
  }
}

/** Nothing is promised or paid beyond what is owed. */
export function requireWithinBalance(caseRow: CaseRow, field: string, amountMinor: number): void {
  if (amountMinor > caseRow.balanceMinor) {
    const money = (minor: number) => formatMoney(minor, caseRow.currency, 'en-US');
    throw new AppError(
      'INVALID_INPUT',
      `${field}: ${money(amountMinor)} is more than the ${money(caseRow.balanceMinor)} owed on this case`,
      { balanceMinor: caseRow.balanceMinor },
    );
  }
}
