import { describe, expect, it } from 'vitest';
import { addDays, dayInZone, instantFromWallTime, timeInZone } from './zoned-input.ts';

describe('instantFromWallTime', () => {
  it('reads a wall-clock time in the named zone, not the browser’s', () => {
    expect(instantFromWallTime('2026-07-01', '15:30', 'America/New_York')?.toISOString()).toBe(
      '2026-07-01T19:30:00.000Z',
    );
    expect(instantFromWallTime('2026-01-15', '09:00', 'Asia/Shanghai')?.toISOString()).toBe(
      '2026-01-15T01:00:00.000Z',
    );
  });

  it('follows daylight saving on both sides of the change', () => {
    expect(instantFromWallTime('2026-03-07', '10:00', 'America/New_York')?.toISOString()).toBe(
      '2026-03-07T15:00:00.000Z',
    );
    expect(instantFromWallTime('2026-03-09', '10:00', 'America/New_York')?.toISOString()).toBe(
      '2026-03-09T14:00:00.000Z',
    );
  });

  it('answers null for text that is not a date and time', () => {
    expect(instantFromWallTime('2026-3-1', '10:00', 'UTC')).toBeNull();
    expect(instantFromWallTime('2026-03-01', '10am', 'UTC')).toBeNull();
  });
});

describe('dayInZone and timeInZone', () => {
  it('give the debtor’s date and clock, which may differ from UTC’s', () => {
    const at = new Date('2026-07-01T02:30:00Z');
    expect(dayInZone(at, 'America/Los_Angeles')).toBe('2026-06-30');
    expect(timeInZone(at, 'America/Los_Angeles')).toBe('19:30');
    expect(dayInZone(at, 'Asia/Shanghai')).toBe('2026-07-01');
  });
});

describe('addDays', () => {
  it('crosses month and year ends', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });
});
