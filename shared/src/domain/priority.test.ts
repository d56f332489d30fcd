import { describe, expect, it } from 'vitest';
import { type PriorityInputs, priorityScore, roughDollars } from './priority.ts';

const NOW = new Date('2026-11-11T17:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

const base: PriorityInputs = {
  balanceMinor: 100_000, // $1,000
  currency: 'USD',
  daysPastDue: 0,
  promiseState: 'none',
  lastContactAt: NOW,
  now: NOW,
  workableNow: false,
};
const score = (changes: Partial<PriorityInputs>) => priorityScore({ ...base, ...changes });

describe('priorityScore', () => {
  it('gives 100 points per tenfold balance', () => {
    expect(score({})).toBe(300);
    expect(score({ balanceMinor: 1_000_000 })).toBe(400);
    expect(score({ balanceMinor: 10_000 })).toBe(200);
  });

  it('scores a zero or negative balance as nothing owed', () => {
    expect(score({ balanceMinor: 0 })).toBe(0);
    expect(score({ balanceMinor: -5_000 })).toBe(0);
  });

  it('compares yuan with dollars at a rough 7 to 1, and yen by their zero minor digits', () => {
    expect(roughDollars(700_000, 'CNY')).toBeCloseTo(1_000);
    expect(roughDollars(150_000, 'JPY')).toBeCloseTo(1_000);
    expect(score({ balanceMinor: 700_000, currency: 'CNY' })).toBe(score({}));
  });

  it('counts unknown currencies as dollars rather than failing', () => {
    expect(score({ currency: 'CHF' })).toBe(300);
  });

  it('adds half a point per day past due, capped at a year', () => {
    expect(score({ daysPastDue: 90 }) - score({})).toBe(45);
    expect(score({ daysPastDue: 360 }) - score({})).toBe(180);
    expect(score({ daysPastDue: 2_000 })).toBe(score({ daysPastDue: 360 }));
  });

  it('puts a promise due today above a broken one, and a pending later one below none', () => {
    const due = score({ promiseState: 'due_today' });
    const broken = score({ promiseState: 'broken' });
    const pending = score({ promiseState: 'pending_future' });
    expect(due - score({})).toBe(300);
    expect(broken - score({})).toBe(200);
    expect(pending - score({})).toBe(-150);
  });

  it('lets a promise due today on $100 outrank a plain $10,000 case', () => {
    expect(score({ balanceMinor: 10_000, promiseState: 'due_today' })).toBeGreaterThan(
      score({ balanceMinor: 1_000_000 }),
    );
  });

  it('adds two points per quiet day up to 30, and the full 60 when never contacted', () => {
    expect(score({ lastContactAt: daysAgo(5) }) - score({})).toBe(10);
    expect(score({ lastContactAt: daysAgo(29.9) }) - score({})).toBe(58);
    expect(score({ lastContactAt: daysAgo(90) }) - score({})).toBe(60);
    expect(score({ lastContactAt: null }) - score({})).toBe(60);
  });

  it('treats a last contact in the future (clock skew) as just now', () => {
    expect(score({ lastContactAt: new Date(NOW.getTime() + 3_600_000) })).toBe(score({}));
  });

  it('puts a case workable now 100 points above the same case blocked until later', () => {
    expect(score({ workableNow: true }) - score({})).toBe(100);
  });

  it('always answers an integer', () => {
    for (const balanceMinor of [1, 99, 12_345, 987_654_321]) {
      expect(Number.isInteger(score({ balanceMinor, daysPastDue: 33, lastContactAt: daysAgo(1.5) }))).toBe(
        true,
      );
    }
  });
});
