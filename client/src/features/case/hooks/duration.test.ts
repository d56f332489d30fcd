import { describe, expect, it } from 'vitest';
import { parseCallDuration } from './duration.ts';

describe('parseCallDuration', () => {
  it('reads whole minutes and minutes:seconds', () => {
    expect(parseCallDuration('5')).toBe(300);
    expect(parseCallDuration(' 5:30 ')).toBe(330);
    expect(parseCallDuration('0:07')).toBe(7);
  });

  it('treats an empty field as not known', () => {
    expect(parseCallDuration('  ')).toBeNull();
  });

  it('refuses seconds past 59, decimals, negatives and more than a day', () => {
    expect(parseCallDuration('5:60')).toBe('invalid');
    expect(parseCallDuration('2.5')).toBe('invalid');
    expect(parseCallDuration('-3')).toBe('invalid');
    expect(parseCallDuration('1441')).toBe('invalid');
  });
});
