import { describe, expect, it } from 'vitest';
import { amountExample, checkAmount } from './amount.ts';

describe('checkAmount', () => {
  it('reads decimals into minor units of the currency', () => {
    expect(checkAmount('120.50', 'USD')).toEqual({ amountMinor: 12_050 });
    expect(checkAmount('1,200', 'USD')).toEqual({ amountMinor: 120_000 });
    expect(checkAmount('1200', 'JPY')).toEqual({ amountMinor: 1200 });
  });

  it('refuses empty, malformed, zero and negative amounts', () => {
    expect(checkAmount(' ', 'USD')).toEqual({ problem: 'empty' });
    expect(checkAmount('12.345', 'USD')).toEqual({ problem: 'invalid' });
    expect(checkAmount('-5', 'USD')).toEqual({ problem: 'invalid' });
    expect(checkAmount('0.00', 'USD')).toEqual({ problem: 'zero' });
  });

  it('refuses more than the ceiling', () => {
    expect(checkAmount('100.01', 'USD', 10_000)).toEqual({ problem: 'overBalance' });
    expect(checkAmount('100.00', 'USD', 10_000)).toEqual({ amountMinor: 10_000 });
  });
});

describe('amountExample', () => {
  it('has as many decimals as the currency', () => {
    expect(amountExample('USD')).toBe('120.50');
    expect(amountExample('JPY')).toBe('1200');
  });
});
