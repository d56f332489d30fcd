import { describe, expect, it } from 'vitest';
import { allocatePayment, outstandingAfter, owedMinor, splitInstallments } from './allocation.ts';

const owed = { feesMinor: 3_900, interestMinor: 1_250, principalMinor: 100_000 };

describe('allocatePayment: fees, then interest, then principal', () => {
  it('puts a payment smaller than the fees on fees only', () => {
    expect(allocatePayment(1_000, owed)).toEqual({ feesMinor: 1_000, interestMinor: 0, principalMinor: 0 });
  });

  it('clears the fees exactly and leaves interest untouched', () => {
    expect(allocatePayment(3_900, owed)).toEqual({ feesMinor: 3_900, interestMinor: 0, principalMinor: 0 });
  });

  it('spills a partial payment from fees into interest', () => {
    expect(allocatePayment(4_000, owed)).toEqual({ feesMinor: 3_900, interestMinor: 100, principalMinor: 0 });
  });

  it('reaches principal only after fees and interest are paid', () => {
    expect(allocatePayment(5_151, owed)).toEqual({
      feesMinor: 3_900,
      interestMinor: 1_250,
      principalMinor: 1,
    });
  });

  it('clears everything with exactly the amount owed', () => {
    const allocation = allocatePayment(owedMinor(owed), owed);
    expect(allocation).toEqual(owed);
    expect(outstandingAfter(owed, allocation)).toEqual({ feesMinor: 0, interestMinor: 0, principalMinor: 0 });
  });

  it('skips components that are already paid', () => {
    const onlyPrincipal = { feesMinor: 0, interestMinor: 0, principalMinor: 500 };
    expect(allocatePayment(1, onlyPrincipal)).toEqual({ feesMinor: 0, interestMinor: 0, principalMinor: 1 });
  });

  it('refuses to overpay by a single minor unit', () => {
    expect(() => allocatePayment(owedMinor(owed) + 1, owed)).toThrow(/exceeds the 105150 owed/);
  });

  it('refuses zero, negative and fractional amounts', () => {
    expect(() => allocatePayment(0, owed)).toThrow(RangeError);
    expect(() => allocatePayment(-100, owed)).toThrow(RangeError);
    expect(() => allocatePayment(10.5, owed)).toThrow(RangeError);
  });

  it('refuses a negative outstanding component rather than allocating around it', () => {
    expect(() => allocatePayment(10, { ...owed, interestMinor: -1 })).toThrow(/interestMinor/);
  });
});

describe('splitInstallments', () => {
  it('splits evenly when the total divides', () => {
    expect(splitInstallments(30_000, 3)).toEqual([10_000, 10_000, 10_000]);
  });

  it('puts the remainder cents on the last installment', () => {
    expect(splitInstallments(10_000, 3)).toEqual([3_333, 3_333, 3_334]);
    expect(splitInstallments(100_001, 36).slice(-2)).toEqual([2_777, 2_806]);
  });

  it('always sums exactly to the total', () => {
    for (const [total, count] of [
      [99_999, 7],
      [1_234_567, 36],
      [37, 36],
    ] as const) {
      const parts = splitInstallments(total, count);
      expect(parts).toHaveLength(count);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
      expect(Math.min(...parts)).toBeGreaterThanOrEqual(1);
    }
  });

  it('refuses a total too small for one minor unit per installment', () => {
    expect(() => splitInstallments(2, 3)).toThrow(RangeError);
  });
});
