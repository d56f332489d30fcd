import { describe, expect, it } from 'vitest';
import { formatMinuteOfDay, isInsideWindow, legalContactWindow, localMinuteOfDay } from './contact-window.ts';

describe('legalContactWindow', () => {
  it('is 08:00 to 21:00 in the US and 08:00 to 22:00 in China', () => {
    expect(legalContactWindow({ country: 'US' })).toEqual({ from: 480, to: 1260 });
    expect(legalContactWindow({ country: 'CN' })).toEqual({ from: 480, to: 1320 });
  });

  it('has no hours where no pack sets them', () => {
    expect(legalContactWindow({ country: 'GB' })).toBeNull();
  });
});

describe('localMinuteOfDay', () => {
  it('reads the wall clock of the zone, daylight saving included', () => {
    const at = new Date('2026-07-01T12:30:00Z');
    expect(localMinuteOfDay(at, 'America/New_York')).toBe(8 * 60 + 30);
    expect(localMinuteOfDay(at, 'Asia/Shanghai')).toBe(20 * 60 + 30);
    expect(localMinuteOfDay(new Date('2026-01-01T04:05:00Z'), 'America/New_York')).toBe(23 * 60 + 5);
  });
});

describe('isInsideWindow', () => {
  it('includes the start and excludes the end', () => {
    const window = { from: 480, to: 1260 };
    expect(isInsideWindow(window, 480)).toBe(true);
    expect(isInsideWindow(window, 1259)).toBe(true);
    expect(isInsideWindow(window, 1260)).toBe(false);
    expect(isInsideWindow(window, 479)).toBe(false);
  });
});

describe('formatMinuteOfDay', () => {
  it('writes the time in the locale', () => {
    expect(formatMinuteOfDay(21 * 60, 'en-US')).toBe('9:00 PM');
    expect(formatMinuteOfDay(8 * 60, 'en-GB')).toBe('8:00');
    expect(formatMinuteOfDay(22 * 60, 'zh-CN')).toBe('22:00');
  });
});
