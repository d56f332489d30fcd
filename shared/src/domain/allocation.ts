/**
 * How money received is split over what is owed (decision 006). Pure integer arithmetic in minor units;
 * no rounding ever happens, so the parts always add up to the whole.
 */

/** What is still owed, per component. */
export interface Outstanding {
  feesMinor: number;
  interestMinor: number;
  principalMinor: number;
}

/** How much of one payment went to each component. */
export type Allocation = Outstanding;

/** Fees first, then interest, then principal: the order the placement contracts and the statement use. */
export const ALLOCATION_ORDER = ['feesMinor', 'interestMinor', 'principalMinor'] as const;

export function owedMinor(outstanding: Outstanding): number {
  return outstanding.feesMinor + outstanding.interestMinor + outstanding.principalMinor;
}

const isMinor = (value: number) => Number.isSafeInteger(value);

/**
 * Allocates a payment fees → interest → principal. The caller refuses bad amounts with a message first; here
 * an amount that is not a positive integer or exceeds what is owed is a bug, so it throws.
 */
export function allocatePayment(amountMinor: number, outstanding: Outstanding): Allocation {
  if (!isMinor(amountMinor) || amountMinor <= 0) {
    throw new RangeError(`a payment must be a positive integer of minor units, got ${amountMinor}`);
  }
  for (const part of ALLOCATION_ORDER) {
    if (!isMinor(outstanding[part]) || outstanding[part] < 0) {
      throw new RangeError(`outstanding ${part} must be a non-negative integer, got ${outstanding[part]}`);
    }
  }
  const owed = owedMinor(outstanding);
  if (amountMinor > owed) throw new RangeError(`a payment of ${amountMinor} exceeds the ${owed} owed`);
  const allocation: Allocation = { feesMinor: 0, interestMinor: 0, principalMinor: 0 };
  let left = amountMinor;
  for (const part of ALLOCATION_ORDER) {
    const share = Math.min(left, outstanding[part]);
    allocation[part] = share;
    left -= share;
  }
  return allocation;
}

/** What is owed after an allocation. */
export function outstandingAfter(outstanding: Outstanding, allocation: Allocation): Outstanding {
  return {
    feesMinor: outstanding.feesMinor - allocation.feesMinor,
    interestMinor: outstanding.interestMinor - allocation.interestMinor,
    principalMinor: outstanding.principalMinor - allocation.principalMinor,
  };
}

/**
 * Splits a plan's total into `count` installments that sum exactly to it: equal whole minor units, with the
 * remainder on the last installment (so the debtor's first payments are the round ones they agreed to).
 */
export function splitInstallments(totalMinor: number, count: number): number[] {
  if (!Number.isSafeInteger(count) || count < 1) throw new RangeError(`bad installment count ${count}`);
  if (!isMinor(totalMinor) || totalMinor < count) {
    throw new RangeError(`${totalMinor} cannot be split into ${count} installments of at least 1`);
  }
  const base = Math.floor(totalMinor / count);
  const amounts = Array.from({ length: count }, () => base);
  amounts[count - 1] = totalMinor - base * (count - 1);
  return amounts;
}
