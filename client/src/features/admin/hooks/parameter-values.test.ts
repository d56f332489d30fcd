import type { CatalogParameter } from '@arrears/shared/schemas/rules';
import { describe, expect, it } from 'vitest';
import { checkParameterValues, overridesFrom, parseParameterValue } from './parameter-values.ts';

const param = (key: string, overrides: Partial<CatalogParameter>): CatalogParameter => ({
  key,
  ruleId: key.split('.')[0]!,
  label: { en: key, zh: key },
  unit: 'count',
  defaultValue: 7,
  legal: true,
  tightens: 'lower',
  ...overrides,
});

const maxCalls = param('US-REGF-7IN7.maxCalls', {});
const windowDays = param('US-REGF-7IN7.days', { unit: 'days', tightens: 'higher' });
const start = param('US-REGF-TIME.start', { unit: 'minute_of_day', defaultValue: 480, tightens: 'later' });
const end = param('US-REGF-TIME.end', { unit: 'minute_of_day', defaultValue: 1260, tightens: 'earlier' });
const all = [maxCalls, windowDays, start, end];
const texts = {
  'US-REGF-7IN7.maxCalls': '7',
  'US-REGF-7IN7.days': '7',
  'US-REGF-TIME.start': '08:00',
  'US-REGF-TIME.end': '21:00',
};

describe('parseParameterValue', () => {
  it('reads times of day as HH:MM and counts as whole numbers', () => {
    expect(parseParameterValue('minute_of_day', '09:30')).toEqual({ value: 570 });
    expect(parseParameterValue('minute_of_day', '9.30').problem?.code).toBe('time');
    expect(parseParameterValue('minute_of_day', '24:30').problem?.code).toBe('timeRange');
    expect(parseParameterValue('count', ' 5 ')).toEqual({ value: 5 });
    expect(parseParameterValue('count', '2.5').problem?.code).toBe('wholeNumber');
    expect(parseParameterValue('count', '-1').problem?.code).toBe('negative');
    expect(parseParameterValue('days', '0').problem?.code).toBe('days');
    expect(parseParameterValue('count', '').problem?.code).toBe('required');
  });
});

describe('checkParameterValues', () => {
  it('accepts the defaults and any tightening', () => {
    expect(checkParameterValues(all, texts).problems).toEqual({});
    const tighter = {
      ...texts,
      'US-REGF-7IN7.maxCalls': '5',
      'US-REGF-7IN7.days': '10',
      'US-REGF-TIME.start': '09:00',
    };
    expect(checkParameterValues(all, tighter).problems).toEqual({});
  });

  it('refuses to loosen a legal limit, as the server does', () => {
    const looser = { ...texts, 'US-REGF-7IN7.maxCalls': '8', 'US-REGF-TIME.start': '07:30' };
    expect(checkParameterValues(all, looser).problems).toEqual({
      'US-REGF-7IN7.maxCalls': { code: 'loosened', direction: 'lower', limit: '7', value: '8' },
      'US-REGF-TIME.start': { code: 'loosened', direction: 'later', limit: '08:00', value: '07:30' },
    });
  });

  it('lets agency policy move either way', () => {
    const policy = param('POL-X.max', { legal: false });
    expect(checkParameterValues([policy], { 'POL-X.max': '9' }).problems).toEqual({});
  });

  it('wants a window to start before it ends', () => {
    const crossed = { ...texts, 'US-REGF-TIME.start': '20:30', 'US-REGF-TIME.end': '20:00' };
    expect(checkParameterValues(all, crossed).problems).toEqual({
      'US-REGF-TIME.start': { code: 'windowOrder', other: 'US-REGF-TIME.end', otherValue: '20:00' },
    });
  });
});

describe('overridesFrom', () => {
  it('keeps only the values that differ from the pack', () => {
    const { values } = checkParameterValues(all, { ...texts, 'US-REGF-7IN7.maxCalls': '5' });
    expect(overridesFrom(all, values)).toEqual({ 'US-REGF-7IN7.maxCalls': 5 });
  });
});
