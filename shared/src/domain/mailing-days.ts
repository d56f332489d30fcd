import { addDays, dateOfDay, dayNumber, isoWeekday, type LocalDate } from './calendar.ts';

const MONDAY = 0;
const THURSDAY = 3;

/**
 * The US federal public holidays (5 USC 6103) of a year, computed by rule rather than kept in a table: fixed dates
 * moved to the Friday before when they fall on a Saturday and to the Monday after on a Sunday, and the "nth weekday
 * of a month" holidays. Juneteenth counts from 2021, when it became law.
 */
export function federalHolidays(year: number): LocalDate[] {
  const fixed = (month: number, day: number) => observed(iso(year, month, day));
  const holidays = [
    fixed(1, 1), // New Year's Day
    nthWeekday(year, 1, MONDAY, 3), // Martin Luther King Jr. Day: third Monday of January
    nthWeekday(year, 2, MONDAY, 3), // Washington's Birthday: third Monday of February
    lastWeekday(year, 5, MONDAY), // Memorial Day: last Monday of May
    ...(year >= 2021 ? [fixed(6, 19)] : []), // Juneteenth
    fixed(7, 4), // Independence Day
    nthWeekday(year, 9, MONDAY, 1), // Labor Day: first Monday of September
    nthWeekday(year, 10, MONDAY, 2), // Columbus Day: second Monday of October
    fixed(11, 11), // Veterans Day
    nthWeekday(year, 11, THURSDAY, 4), // Thanksgiving: fourth Thursday of November
    fixed(12, 25), // Christmas Day
  ];
  return holidays.sort();
}

/** Monday 0 … Sunday 6 of a date. */
function weekdayOf(date: LocalDate): number {
  return isoWeekday(dayNumber(date)) - 1;
}

const holidayYears = new Map<number, ReadonlySet<LocalDate>>();

/** A Saturday, a Sunday or a federal holiday (observed); a New Year's Day on a Saturday is observed on 31 December. */
export function isMailingHoliday(date: LocalDate): boolean {
  const weekday = weekdayOf(date);
  if (weekday >= 5) return true;
  const year = Number(date.slice(0, 4));
  // 1 January of next year may be observed on 31 December of this one.
  return holidaysOf(year).has(date) || holidaysOf(year + 1).has(date);
}

function holidaysOf(year: number): ReadonlySet<LocalDate> {
  let set = holidayYears.get(year);
  if (!set) {
    set = new Set(federalHolidays(year));
    holidayYears.set(year, set);
  }
  return set;
}

/**
 * The day the consumer is assumed to receive a mailed validation notice: the mailing date plus five days not
 * counting US federal public holidays, Saturdays or Sundays (Reg F 12 CFR 1006.34(b)(5)).
 */
export function assumedReceipt(mailedOn: LocalDate, businessDays = 5): LocalDate {
  let date = mailedOn;
  let counted = 0;
  while (counted < businessDays) {
    date = addDays(date, 1);
    if (!isMailingHoliday(date)) counted++;
  }
  return date;
}

/** The end of the validation period: 30 days after the assumed receipt of a notice mailed on `mailedOn`. */
export function validationPeriodEnd(mailedOn: LocalDate): LocalDate {
  return addDays(assumedReceipt(mailedOn), 30);
}

function iso(year: number, month: number, day: number): LocalDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function observed(date: LocalDate): LocalDate {
  const weekday = weekdayOf(date);
  if (weekday === 5) return addDays(date, -1);
  if (weekday === 6) return addDays(date, 1);
  return date;
}

/** The `n`th `weekday` (Monday 0) of a month. */
function nthWeekday(year: number, month: number, weekday: number, n: number): LocalDate {
  const first = iso(year, month, 1);
  const shift = (weekday - weekdayOf(first) + 7) % 7;
  return addDays(first, shift + (n - 1) * 7);
}

function lastWeekday(year: number, month: number, weekday: number): LocalDate {
  const nextFirst = month === 12 ? iso(year + 1, 1, 1) : iso(year, month + 1, 1);
  const last = dateOfDay(dayNumber(nextFirst) - 1);
  return addDays(last, -((weekdayOf(last) - weekday + 7) % 7));
}
