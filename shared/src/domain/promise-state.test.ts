import { describe, expect, it } from 'vitest';
import { addDays, localDate } from './calendar.ts';
import { casePromiseStates, planDueDates, planState, promiseState, promiseWindow } from './promise-state.ts';

const NY = 'America/New_York';
const SHANGHAI = 'Asia/Shanghai';
const at = (iso: string) => new Date(iso);
/** A $100 promise made on Nov 2 (New York), due Nov 10. */
const promise = { amountMinor: 10_000, dueDate: '2026-11-10', createdAt: at('2026-11-02T15:00:00Z') };
const pay = (amountMinor: number, iso: string) => ({ amountMinor, receivedAt: at(iso) });
const onDay = (today: string, zone = NY) => ({ zone, today });

describe('promiseState', () => {
  it('is kept by exactly the amount promised', () => {
    expect(promiseState(promise, [pay(10_000, '2026-11-05T15:00:00Z')], onDay('2026-11-06'))).toBe('kept');
  });

  it('is kept by several partial payments that add up', () => {
    const payments = [pay(4_000, '2026-11-03T15:00:00Z'), pay(6_000, '2026-11-09T15:00:00Z')];
    expect(promiseState(promise, payments, onDay('2026-11-09'))).toBe('kept');
  });

  it('stays pending on a partial payment until the due date ends', () => {
    const partial = [pay(9_999, '2026-11-03T15:00:00Z')];
    expect(promiseState(promise, partial, onDay('2026-11-10'))).toBe('pending');
    expect(promiseState(promise, partial, onDay('2026-11-11'))).toBe('broken');
  });

  it("counts a payment at 23:59:59 on the due date in the debtor's zone, not one at local midnight", () => {
    // Nov 10 ends at 05:00Z on Nov 11 in New York (EST, UTC-5).
    expect(promiseWindow(promise, NY).until).toBe(at('2026-11-11T05:00:00Z').getTime());
    const lastSecond = [pay(10_000, '2026-11-11T04:59:59Z')];
    const midnight = [pay(10_000, '2026-11-11T05:00:00Z')];
    expect(promiseState(promise, lastSecond, onDay('2026-11-11'))).toBe('kept');
    expect(promiseState(promise, midnight, onDay('2026-11-11'))).toBe('broken');
  });

  it('ends the due date at Beijing midnight for a debtor in China', () => {
    const shanghai = { ...promise, createdAt: at('2026-11-02T02:00:00Z') };
    const late = [pay(10_000, '2026-11-10T16:00:00Z')]; // 00:00 Nov 11 in Shanghai, still Nov 10 in New York
    expect(promiseState(shanghai, late, onDay('2026-11-11', SHANGHAI))).toBe('broken');
    expect(promiseState(shanghai, late, onDay('2026-11-11', NY))).toBe('kept');
  });

  it('ends a due date on the day daylight saving starts at the right local midnight', () => {
    const spring = { ...promise, dueDate: '2026-03-08', createdAt: at('2026-03-01T15:00:00Z') };
    // Mar 8 is 23 hours long in New York; it ends at 04:00Z (EDT, UTC-4).
    expect(promiseWindow(spring, NY).until).toBe(at('2026-03-09T04:00:00Z').getTime());
  });

  it('ignores money received before the promise was made', () => {
    expect(promiseState(promise, [pay(10_000, '2026-11-02T14:59:59Z')], onDay('2026-11-11'))).toBe('broken');
  });

  it('is pending on its due date with nothing paid, and broken the next day', () => {
    expect(promiseState(promise, [], onDay('2026-11-10'))).toBe('pending');
    expect(promiseState(promise, [], onDay('2026-11-11'))).toBe('broken');
  });

  it('stays kept after the due date when it was paid in time, even if recorded later', () => {
    expect(promiseState(promise, [pay(10_000, '2026-11-10T20:00:00Z')], onDay('2026-11-20'))).toBe('kept');
  });
});

describe('casePromiseStates: installments settle in due-date order', () => {
  const created = at('2026-11-02T15:00:00Z');
  const installments = ['2026-11-10', '2026-11-17', '2026-11-24'].map((dueDate, n) => ({
    id: `i${n + 1}`,
    planId: 'plan',
    amountMinor: n === 2 ? 3_334 : 3_333,
    dueDate,
    createdAt: created,
  }));

  it('needs the first and second installments covered for the second to be kept', () => {
    const states = casePromiseStates(installments, [pay(3_333, '2026-11-09T15:00:00Z')], onDay('2026-11-18'));
    expect(Object.fromEntries(states)).toEqual({ i1: 'kept', i2: 'broken', i3: 'pending' });
  });

  it('keeps every installment with one payment of the whole plan, last cent included', () => {
    const states = casePromiseStates(
      installments,
      [pay(10_000, '2026-11-09T15:00:00Z')],
      onDay('2026-11-09'),
    );
    expect([...states.values()]).toEqual(['kept', 'kept', 'kept']);
    const shortByOne = casePromiseStates(
      installments,
      [pay(9_999, '2026-11-09T15:00:00Z')],
      onDay('2026-11-25'),
    );
    expect(shortByOne.get('i3')).toBe('broken');
  });

  it('judges a standalone promise on its own beside a plan', () => {
    const standalone = {
      id: 'p',
      planId: null,
      amountMinor: 2_000,
      dueDate: '2026-11-12',
      createdAt: created,
    };
    const states = casePromiseStates(
      [...installments, standalone],
      [pay(3_333, '2026-11-09T15:00:00Z')],
      onDay('2026-11-11'),
    );
    expect(states.get('p')).toBe('kept');
    expect(states.get('i1')).toBe('kept');
  });
});

describe('planState', () => {
  it('is broken by one broken installment, completed when all are kept', () => {
    expect(planState(['kept', 'broken', 'pending'])).toBe('broken');
    expect(planState(['kept', 'kept'])).toBe('completed');
    expect(planState(['kept', 'pending'])).toBe('active');
  });
});

describe('calendar helpers', () => {
  it('spaces weekly and biweekly installments by 7 and 14 days', () => {
    expect(planDueDates('2026-12-28', 3, 'weekly')).toEqual(['2026-12-28', '2027-01-04', '2027-01-11']);
    expect(planDueDates('2026-11-20', 2, 'biweekly')).toEqual(['2026-11-20', '2026-12-04']);
  });

  it("keeps a monthly plan's day, moved to the month's end where the month is shorter", () => {
    expect(planDueDates('2027-01-31', 4, 'monthly')).toEqual([
      '2027-01-31',
      '2027-02-28',
      '2027-03-31',
      '2027-04-30',
    ]);
    expect(planDueDates('2027-11-15', 3, 'monthly')).toEqual(['2027-11-15', '2027-12-15', '2028-01-15']);
    expect(planDueDates('2028-01-30', 2, 'monthly')).toEqual(['2028-01-30', '2028-02-29']);
  });

  it("reads today from the debtor's zone, not UTC", () => {
    expect(localDate(NY, at('2026-11-11T03:00:00Z'))).toBe('2026-11-10');
    expect(localDate(SHANGHAI, at('2026-11-10T17:00:00Z'))).toBe('2026-11-11');
    expect(addDays('2026-12-31', 90)).toBe('2027-03-31');
  });
});
