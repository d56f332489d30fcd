import { describe, expect, it } from 'vitest';
import { historyDays, parametersFor } from './parameters.ts';

const US_MA = { country: 'US', region: 'MA' };
const US_WA = { country: 'US', region: 'WA' };

describe('parametersFor', () => {
  it("applies a portfolio's tightening to a debtor of its packs", () => {
    expect(parametersFor(US_MA, { 'US-MA-FREQ.personalMax': 1 })['US-MA-FREQ.personalMax']).toBe(1);
  });

  it("ignores overrides of another state's pack instead of failing", () => {
    const parameters = parametersFor(US_WA, { 'US-MA-FREQ.personalMax': 1, 'US-WA-FREQ.max': 2 });
    expect(parameters['US-WA-FREQ.max']).toBe(2);
    expect(parameters['US-MA-FREQ.personalMax']).toBe(2);
  });

  it('fails closed when an applicable override loosens the law', () => {
    expect(() => parametersFor(US_MA, { 'US-REGF-7IN7.maxCalls': 9 })).toThrow(
      expect.objectContaining({
        appCode: 'PRECONDITION_FAILED',
        message: expect.stringContaining('US-REGF-7IN7.maxCalls'),
      }),
    );
  });
});

describe('historyDays', () => {
  it('reaches back at least 31 days, and further when a portfolio lengthens a window', () => {
    expect(historyDays(parametersFor(US_MA, {}))).toBe(32);
    expect(historyDays(parametersFor(US_WA, { 'US-WA-FREQ.days': 45 }))).toBe(47);
  });
});
