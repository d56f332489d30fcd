import { describe, expect, it } from 'vitest';
import { daysFromCivil, formatInstant, parseInstant } from './instant.ts';
import { isValidTimeZone, zoneClock } from './time.ts';

const ny = zoneClock('America/New_York');
const at = (iso: string) => parseInstant(iso);
const HOUR = 3_600_000;

describe('ZoneClock across DST in New York', () => {
  it('switches the offset at 07:00Z on the spring-forward day (02:00 EST becomes 03:00 EDT)', () => {
    expect(ny.offsetAt(at('2026-03-08T06:59:59Z'))).toBe(-5 * HOUR);
    expect(ny.offsetAt(at('2026-03-08T07:00:00Z'))).toBe(-4 * HOUR);
    expect(ny.minuteOf(at('2026-03-08T06:59:59Z'))).toBe(1 * 60 + 59);
    expect(ny.minuteOf(at('2026-03-08T07:00:00Z'))).toBe(3 * 60);
  });

  it('switches back at 06:00Z on the fall-back day, so 01:xx happens twice', () => {
    expect(ny.minuteOf(at('2026-11-01T05:30:00Z'))).toBe(90);
    expect(ny.minuteOf(at('2026-11-01T06:30:00Z'))).toBe(90);
    expect(ny.offsetAt(at('2026-11-01T06:00:00Z'))).toBe(-5 * HOUR);
  });

  it('puts an evening instant on the local date, not the UTC date', () => {
    const local = ny.dayOf(at('2026-06-04T00:30:00Z'));
    expect(local).toBe(daysFromCivil(2026, 6, 3));
  });

  it('finds 08:00 local on either side of both changes', () => {
    expect(formatInstant(ny.instantAt(daysFromCivil(2026, 3, 7), 480))).toBe('2026-03-07T13:00:00Z');
    expect(formatInstant(ny.instantAt(daysFromCivil(2026, 3, 8), 480))).toBe('2026-03-08T12:00:00Z');
    expect(formatInstant(ny.instantAt(daysFromCivil(2026, 11, 1), 480))).toBe('2026-11-01T13:00:00Z');
  });

  it('maps a wall time skipped by spring-forward to the instant of the jump', () => {
    expect(formatInstant(ny.instantAt(daysFromCivil(2026, 3, 8), 150))).toBe('2026-03-08T07:00:00Z');
  });

  it('maps a repeated wall time at fall-back to its first occurrence', () => {
    expect(formatInstant(ny.instantAt(daysFromCivil(2026, 11, 1), 90))).toBe('2026-11-01T05:30:00Z');
  });
});

describe('ZoneClock elsewhere', () => {
  it('knows Europe/Berlin falls back at 01:00Z and picks the earlier 02:30', () => {
    const berlin = zoneClock('Europe/Berlin');
    expect(formatInstant(berlin.instantAt(daysFromCivil(2026, 10, 25), 150))).toBe('2026-10-25T00:30:00Z');
  });

  it('starts a day whose midnight is skipped (Santiago) at the jump', () => {
    const santiago = zoneClock('America/Santiago');
    expect(formatInstant(santiago.instantAt(daysFromCivil(2026, 9, 6), 0))).toBe('2026-09-06T04:00:00Z');
  });

  it('agrees with Intl for every hour of a year in a zone with half-hour DST (Lord Howe)', () => {
    const lordHowe = zoneClock('Australia/Lord_Howe');
    const format = new Intl.DateTimeFormat('en-US', {
      timeZone: 'Australia/Lord_Howe',
      hourCycle: 'h23',
      hour: 'numeric',
      minute: 'numeric',
    });
    for (let ms = at('2026-01-01T00:15:00Z'); ms < at('2027-01-01T00:00:00Z'); ms += HOUR) {
      const [hour, minute] = format.format(ms).split(':').map(Number);
      expect(lordHowe.minuteOf(ms)).toBe(hour! * 60 + minute!);
    }
  });
});

describe('parseInstant', () => {
  it('matches Date.parse on the fast path, leap days included', () => {
    for (const iso of [
      '2026-06-10T18:00:00Z',
      '2024-02-29T23:59:59.999Z',
      '2000-03-01T00:00:00Z',
      '1969-12-31T23:59:59Z',
    ]) {
      expect(parseInstant(iso)).toBe(Date.parse(iso));
    }
  });

  it('accepts offsets through the platform parser', () => {
    expect(parseInstant('2026-06-10T14:00:00-04:00')).toBe(Date.parse('2026-06-10T18:00:00Z'));
  });

  it('rejects impossible dates and garbage instead of guessing', () => {
    expect(() => parseInstant('2026-02-29T00:00:00Z')).toThrow(RangeError);
    expect(() => parseInstant('2026-06-10T24:00:00Z')).toThrow(RangeError);
    expect(() => parseInstant('2026-0x-10T18:00:00Z')).toThrow(RangeError);
    expect(() => parseInstant('yesterday')).toThrow(RangeError);
  });
});

describe('isValidTimeZone', () => {
  it('accepts IANA region names and rejects typos', () => {
    expect(isValidTimeZone('America/New_York')).toBe(true);
    expect(isValidTimeZone('America/New_Yrok')).toBe(false);
  });
});
