import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayNumber, isoWeekday } from './calendar.ts';
import { assumedReceipt, federalHolidays, isMailingHoliday, validationPeriodEnd } from './mailing-days.ts';

describe('federal holidays by rule', () => {
  it('matches the OPM calendar of 2026 and 2027', () => {
    expect(federalHolidays(2026)).toEqual([
      '2026-01-01',
      '2026-01-19',
      '2026-02-16',
      '2026-05-25',
      '2026-06-19',
      '2026-07-03', // 4 July is a Saturday: observed Friday
      '2026-09-07',
      '2026-10-12',
      '2026-11-11',
      '2026-11-26',
      '2026-12-25',
    ]);
    expect(federalHolidays(2027)).toEqual([
      '2027-01-01',
      '2027-01-18',
      '2027-02-15',
      '2027-05-31',
      '2027-06-18', // 19 June is a Saturday
      '2027-07-05', // 4 July is a Sunday: observed Monday
      '2027-09-06',
      '2027-10-11',
      '2027-11-11',
      '2027-11-25',
      '2027-12-24', // Christmas on a Saturday
    ]);
  });

  it('has no Juneteenth before 2021', () => {
    expect(federalHolidays(2020)).not.toContain('2020-06-19');
    expect(federalHolidays(2021)).toContain('2021-06-18');
  });

  it('observes a Saturday New Year on the Friday before, in the old year', () => {
    // 1 January 2022 was a Saturday.
    expect(isMailingHoliday('2021-12-31')).toBe(true);
  });
});

describe('assumed receipt and the end of the validation period', () => {
  it.each([
    // mailed on, assumed received, period ends
    ['2026-12-07', '2026-12-14', '2027-01-13'], // Monday: five weekdays
    ['2026-12-11', '2026-12-18', '2027-01-17'], // Friday: over one weekend
    ['2026-12-21', '2026-12-29', '2027-01-28'], // Christmas Friday is not counted
    ['2026-11-23', '2026-12-01', '2026-12-31'], // Thanksgiving week
    ['2026-07-01', '2026-07-09', '2026-08-08'], // Independence Day observed Friday 3 July
    ['2026-01-14', '2026-01-22', '2026-02-21'], // MLK Day
    ['2026-09-04', '2026-09-14', '2026-10-14'], // Friday before Labor Day
    ['2027-12-20', '2027-12-28', '2028-01-27'], // Christmas observed on Friday 24 December
    ['2026-12-26', '2027-01-04', '2027-02-03'], // mailed on a Saturday; New Year's Day not counted
  ])('a notice mailed %s is received %s and its period ends %s', (mailed, received, ends) => {
    expect(assumedReceipt(mailed)).toBe(received);
    expect(validationPeriodEnd(mailed)).toBe(ends);
  });

  it('always lands on a business day 7 to 12 calendar days later, and ends 30 days after that', () => {
    const dates = fc
      .integer({ min: dayNumber('1995-01-01'), max: dayNumber('2060-12-31') })
      .map((day) => addDays('1970-01-01', day));
    fc.assert(
      fc.property(dates, (mailed) => {
        const received = assumedReceipt(mailed);
        const span = dayNumber(received) - dayNumber(mailed);
        expect(isMailingHoliday(received)).toBe(false);
        expect(isoWeekday(dayNumber(received))).toBeLessThan(6);
        expect(span).toBeGreaterThanOrEqual(5);
        expect(span).toBeLessThanOrEqual(12);
        // exactly five business days in between, counting the receipt day
        let business = 0;
        for (let d = 1; d <= span; d++) if (!isMailingHoliday(addDays(mailed, d))) business++;
        expect(business).toBe(5);
        expect(dayNumber(validationPeriodEnd(mailed)) - dayNumber(received)).toBe(30);
      }),
    );
  });

  it('has eleven holidays each year, none on a weekend', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2021, max: 2100 }), (year) => {
        const holidays = federalHolidays(year);
        expect(new Set(holidays).size).toBe(11);
        for (const h of holidays) expect(isoWeekday(dayNumber(h))).toBeLessThan(6);
      }),
    );
  });
});
