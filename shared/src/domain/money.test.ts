import { describe, expect, it } from 'vitest';
import { formatMoney, formatMoneyInText, majorUnitsText } from './money.ts';

describe('majorUnitsText', () => {
  it("writes the currency's digits from the integer, with no float rounding", () => {
    expect(majorUnitsText(123_450, 'USD')).toBe('1234.50');
    expect(majorUnitsText(30_000, 'CNY')).toBe('300.00');
    expect(majorUnitsText(5, 'USD')).toBe('0.05');
    expect(majorUnitsText(0, 'CNY')).toBe('0.00');
    // 0.1 + 0.2 style drift cannot appear: 2^53 - 1 minor units still come out digit for digit.
    expect(majorUnitsText(9_007_199_254_740_991, 'USD')).toBe('90071992547409.91');
  });

  it('keeps the sign of a reversal and writes no decimals for a currency without minor units', () => {
    expect(majorUnitsText(-1_250, 'USD')).toBe('-12.50');
    expect(majorUnitsText(-7, 'CNY')).toBe('-0.07');
    expect(majorUnitsText(1_200, 'JPY')).toBe('1200');
    expect(majorUnitsText(1_234, 'BHD')).toBe('1.234');
  });
});

describe('money for a reader', () => {
  it('keeps the symbol in tables, in each locale', () => {
    expect(formatMoney(123_450, 'CNY', 'zh-CN')).toBe('¥1,234.50');
    expect(formatMoney(123_450, 'USD', 'en-US')).toBe('$1,234.50');
  });

  it('puts the unit after the number in Chinese running text, and leaves English as in a table', () => {
    expect(formatMoneyInText(123_450, 'CNY', 'zh-CN')).toBe('1,234.50元');
    expect(formatMoneyInText(-5, 'CNY', 'zh-CN')).toBe('-0.05元');
    expect(formatMoneyInText(123_450, 'USD', 'zh-CN')).toBe('1,234.50美元');
    expect(formatMoneyInText(123_450, 'USD', 'en-US')).toBe('$1,234.50');
  });
});
