import { describe, expect, it } from 'vitest';
import { buildFacts, callEvent, dailyCalls } from './build-facts.ts';
import { evaluate } from './engine.ts';
import type { ComplianceFacts } from './facts.ts';
import { formatInstant, parseInstant } from './instant.ts';

const MINUTE = 60_000;

function at(facts: ComplianceFacts, ms: number): ComplianceFacts {
  return { ...facts, now: formatInstant(ms) };
}

/**
 * Principle 10 of docs/compliance/CATALOG.md as a property: the next allowed instant passes, and every instant from now until then
 * (sampled every `stepMinutes`, plus the last second before) is still blocked.
 */
function expectEarliest(facts: ComplianceFacts, stepMinutes = 10): string {
  const verdict = evaluate(facts);
  expect(verdict.allowed).toBe(false);
  expect(verdict.nextAllowedAt).not.toBeNull();
  const now = parseInstant(facts.now);
  const next = parseInstant(verdict.nextAllowedAt!);
  expect(evaluate(at(facts, next)).allowed).toBe(true);
  expect(evaluate(at(facts, next - 1000)).allowed).toBe(false);
  for (let t = now; t < next; t += stepMinutes * MINUTE) {
    expect(evaluate(at(facts, t)).allowed, formatInstant(t)).toBe(false);
  }
  return verdict.nextAllowedAt!;
}

describe('next allowed time', () => {
  it('is tomorrow 08:00 EST when the oldest of seven calls leaves the window across fall-back', () => {
    const history = ['10-27', '10-28', '10-29', '10-30', '10-31', '11-01', '11-02'].map((day) =>
      callEvent(`2026-${day}T15:00:00Z`),
    );
    const facts = buildFacts({ now: '2026-11-02T18:00:00Z', history });
    expect(expectEarliest(facts)).toBe('2026-11-03T13:00:00Z');
  });

  it('waits for the later of the Massachusetts and federal caps', () => {
    const facts = buildFacts({
      debtor: { jurisdiction: { country: 'US', region: 'MA' } },
      history: dailyCalls([4, 5, 6, 7, 8, 9, 10]),
    });
    expect(expectEarliest(facts, 30)).toBe('2026-06-16T12:00:00Z');
  });

  it('finds the first moment open in two zones and outside an inconvenient window', () => {
    const facts = buildFacts({
      now: '2026-06-10T14:30:00Z',
      debtor: {
        timeZones: ['America/New_York', 'America/Los_Angeles'],
        inconvenientTimes: [{ from: '08:00', to: '08:45' }],
      },
    });
    // 08:00 PDT opens the window in both zones, but 08:00-08:45 PDT is inconvenient: 08:45 PDT = 15:45Z.
    expect(expectEarliest(facts, 5)).toBe('2026-06-10T15:45:00Z');
  });

  it('is the same instant whatever time of the blocked night it is asked', () => {
    const history = dailyCalls([3, 4, 5, 6, 7, 8, 9]).map((event) => ({
      ...event,
      at: event.at.replace('2026-06', '2026-03'),
    }));
    const base = buildFacts({ history });
    for (
      let t = parseInstant('2026-03-09T18:00:00Z');
      t < parseInstant('2026-03-10T12:00:00Z');
      t += 37 * MINUTE
    ) {
      expect(evaluate(at(base, t)).nextAllowedAt, formatInstant(t)).toBe('2026-03-10T12:00:00Z');
    }
  });

  it('is null when the debtor called every hour inconvenient', () => {
    const verdict = evaluate(buildFacts({ debtor: { inconvenientTimes: [{ from: '00:00', to: '24:00' }] } }));
    expect(verdict.violations.map((v) => v.ruleId)).toEqual(['US-REGF-TIME']);
    expect(verdict.nextAllowedAt).toBeNull();
  });

  it('is null when a blocking rule is not about time or frequency', () => {
    const verdict = evaluate(
      buildFacts({ now: '2026-06-11T02:00:00Z', debt: { holdUntil: '2026-06-12T00:00:00Z' } }),
    );
    expect(verdict.violations.map((v) => v.ruleId)).toEqual(['US-REGF-TIME', 'POL-HOLD']);
    expect(verdict.nextAllowedAt).toBeNull();
  });

  it('is null when the action is allowed', () => {
    expect(evaluate(buildFacts()).nextAllowedAt).toBeNull();
  });
});
