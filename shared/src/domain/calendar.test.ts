import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  DAY_MS,
  daysBetween,
  debtorCalendarZone,
  elapsedDays,
  instantOfWallTime,
  isoWeekday,
  jurisdictionCalendarZone,
  knownZones,
  localDate,
  localDateOnce,
  localTime,
  startOfLocalDay,
} from './calendar.ts';

/** Every zone the platform knows: the calendar must agree with Intl's own reading of each. */
const ZONES = Intl.supportedValuesOf('timeZone');
const FROM = Date.UTC(1990, 0, 1);
const TO = Date.UTC(2045, 0, 1);

const isoDate = (zone: string, at: number) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);

describe('localDate', () => {
  it('reads the date Intl reads, in every zone, at any instant (DST days included)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: FROM, max: TO }), (zone, at) => {
        expect(localDate(zone, at)).toBe(isoDate(zone, at));
        expect(localDateOnce(zone, at)).toBe(isoDate(zone, at));
      }),
      { numRuns: 400 },
    );
  });

  it('takes the debtor’s date, which may differ from UTC’s', () => {
    const at = new Date('2026-07-01T02:30:00Z');
    expect(localDate('America/Los_Angeles', at)).toBe('2026-06-30');
    expect(localDate('Asia/Shanghai', at)).toBe('2026-07-01');
    expect(localTime('America/Los_Angeles', at)).toBe('19:30');
  });
});

describe('startOfLocalDay', () => {
  it('is the first instant of the local date, also on days a DST change shortens or lengthens', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: FROM, max: TO }), (zone, at) => {
        const date = localDate(zone, at);
        const start = startOfLocalDay(date, zone).getTime();
        expect(localDate(zone, start)).toBe(date);
        expect(localDate(zone, start - 1000)).toBe(addDays(date, -1));
        expect(start).toBeLessThanOrEqual(at);
        expect(startOfLocalDay(date, zone, 1).getTime()).toBeGreaterThan(at);
      }),
      { numRuns: 400 },
    );
  });

  it('lasts 23 and 25 hours around New York’s changes', () => {
    const length = (date: string) =>
      startOfLocalDay(date, 'America/New_York', 1).getTime() -
      startOfLocalDay(date, 'America/New_York').getTime();
    expect(length('2026-03-08')).toBe(DAY_MS - 3_600_000);
    expect(length('2026-11-01')).toBe(DAY_MS + 3_600_000);
    expect(length('2026-07-01')).toBe(DAY_MS);
  });
});

describe('addDays and daysBetween', () => {
  it('cross month, year and leap-day ends', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 90)).toBe('2027-03-31');
    expect(addDays('2027-01-02', -3)).toBe('2026-12-30');
    expect(daysBetween('2026-12-30', '2027-01-02')).toBe(3);
  });

  it('agree with UTC date arithmetic for any date and step', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), fc.integer({ min: -1000, max: 1000 }), (day, days) => {
        const date = new Date(day * DAY_MS).toISOString().slice(0, 10);
        const expected = new Date((day + days) * DAY_MS).toISOString().slice(0, 10);
        expect(addDays(date, days)).toBe(expected);
        expect(daysBetween(date, expected)).toBe(days);
      }),
    );
  });

  it('names the ISO weekday of a day number', () => {
    expect(isoWeekday(0)).toBe(4);
    expect(isoWeekday(-1)).toBe(3);
    fc.assert(
      fc.property(fc.integer({ min: -20_000, max: 40_000 }), (day) => {
        expect(isoWeekday(day)).toBe(((new Date(day * DAY_MS).getUTCDay() + 6) % 7) + 1);
      }),
    );
  });

  it('counts whole elapsed days between instants', () => {
    expect(elapsedDays(new Date('2026-01-01T12:00:00Z'), new Date('2026-01-03T11:59:59Z'))).toBe(1);
    expect(elapsedDays(0, 2 * DAY_MS)).toBe(2);
  });
});

describe('instantOfWallTime', () => {
  it('reads a wall-clock time in the named zone', () => {
    expect(instantOfWallTime('2026-07-01', '15:30', 'America/New_York')?.toISOString()).toBe(
      '2026-07-01T19:30:00.000Z',
    );
    expect(instantOfWallTime('2026-01-15', '09:00', 'Asia/Shanghai')?.toISOString()).toBe(
      '2026-01-15T01:00:00.000Z',
    );
  });

  it('maps a time a DST jump skips to the jump, and a repeated time to its first instant', () => {
    expect(instantOfWallTime('2026-03-08', '02:30', 'America/New_York')?.toISOString()).toBe(
      '2026-03-08T07:00:00.000Z',
    );
    expect(instantOfWallTime('2026-11-01', '01:30', 'America/New_York')?.toISOString()).toBe(
      '2026-11-01T05:30:00.000Z',
    );
  });

  it('answers null for text that is not a date and a time', () => {
    expect(instantOfWallTime('2026-3-1', '10:00', 'UTC')).toBeNull();
    expect(instantOfWallTime('2026-03-01', '10am', 'UTC')).toBeNull();
  });
});

describe('the debtor’s calendar zone', () => {
  const jurisdiction = { country: 'US', region: 'TX' };

  it('is the first zone the debtor named, else a contact point’s, else the jurisdiction’s first', () => {
    expect(debtorCalendarZone({ debtor: { timeZones: ['America/Denver'], jurisdiction } })).toBe(
      'America/Denver',
    );
    expect(
      debtorCalendarZone({
        debtor: { timeZones: [], jurisdiction },
        contactPoints: [{ timeZone: null }, { timeZone: 'America/Phoenix' }],
      }),
    ).toBe('America/Phoenix');
    expect(debtorCalendarZone({ debtor: { timeZones: [], jurisdiction } })).toBe('America/Chicago');
    expect(debtorCalendarZone({ debtor: { jurisdiction: { country: 'CN' } } })).toBe('Asia/Shanghai');
  });

  it('is UTC for a country without a pack', () => {
    expect(debtorCalendarZone({ debtor: { timeZones: [], jurisdiction: { country: 'GB' } } })).toBe('UTC');
    expect(jurisdictionCalendarZone({ country: 'GB' })).toBe('UTC');
  });

  it('keeps only zones the tz database knows, once each, in order', () => {
    expect(knownZones(['Mars/Olympus', null, 'America/Denver', 'EST', 'America/Denver', 'UTC'])).toEqual([
      'America/Denver',
      'UTC',
    ]);
  });
});
