import { describe, expect, it } from 'vitest';
import { buildFacts } from './build-facts.ts';
import { evaluate } from './engine.ts';
import { opensAt } from './opens-at.ts';

/** A home address for field visits (the default facts have only a mobile). */
const HOME = { id: 'h1', kind: 'home_address' as const };

describe('opensAt', () => {
  it('is the verdict’s next allowed time when only the calling window blocks', () => {
    const facts = buildFacts({ now: '2026-06-11T02:00:00Z' });
    const verdict = evaluate(facts);
    expect(verdict.nextAllowedAt).toBe('2026-06-11T12:00:00Z');
    expect(opensAt(facts)).toBe(verdict.nextAllowedAt);
  });

  it('is now when the action is allowed now', () => {
    expect(opensAt(buildFacts())).toBe('2026-06-10T18:00:00Z');
  });

  it('waits out a hold that ends inside the calling window, where the verdict names no time', () => {
    const facts = buildFacts({ debt: { id: 'D1', status: 'active', holdUntil: '2026-06-12T15:00:00Z' } });
    expect(evaluate(facts).nextAllowedAt).toBeNull();
    expect(opensAt(facts)).toBe('2026-06-12T15:00:00Z');
  });

  it('waits for the calling window after a hold that ends at night', () => {
    // 00:00Z is 20:00 EDT: open; 03:00Z is 23:00 EDT, so the call waits for 08:00 EDT (12:00Z).
    const facts = buildFacts({ debt: { id: 'D1', status: 'active', holdUntil: '2026-06-12T03:00:00Z' } });
    expect(opensAt(facts)).toBe('2026-06-12T12:00:00Z');
  });

  it('is null when something other than time blocks (a dispute)', () => {
    const facts = buildFacts({
      debt: { id: 'D1', status: 'active', dispute: { receivedAt: '2026-06-01T00:00:00Z' } },
    });
    expect(evaluate(facts).allowed).toBe(false);
    expect(opensAt(facts)).toBeNull();
  });

  it('is null when a hold ends but a lasting block remains', () => {
    const facts = buildFacts({
      debt: {
        id: 'D1',
        status: 'active',
        holdUntil: '2026-06-12T15:00:00Z',
        dispute: { receivedAt: '2026-06-01T00:00:00Z' },
      },
    });
    expect(opensAt(facts)).toBeNull();
  });

  it('names when a field visit outside the calling window opens, its approval aside', () => {
    const facts = buildFacts({
      now: '2026-06-11T02:00:00Z',
      contactPoints: [HOME],
      action: { kind: 'field_visit', contactPointId: 'h1', recordingRef: 'to be recorded' },
    });
    const verdict = evaluate(facts);
    expect(verdict.violations.map((v) => v.ruleId)).toContain('POL-APPROVAL');
    expect(verdict.nextAllowedAt).toBeNull();
    expect(opensAt(facts)).toBeNull();
    expect(opensAt(facts, { waived: ['POL-APPROVAL'] })).toBe('2026-06-11T12:00:00Z');
  });
});
