import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildFacts, dailyCalls } from './build-facts.ts';
import { COLLECTION_ACTIONS, CONTACT_ACTIONS, evaluate, isLegalRule } from './engine.ts';
import { RULE_IDS } from './pack-data.ts';
import { PACKS, RULESET_VERSION, resolveParameters } from './packs.ts';
import { RULES } from './rules/registry.ts';

describe('evaluate', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("blocks the eighth call in seven days and says why in the debtor's dates", () => {
    const verdict = evaluate(buildFacts({ history: dailyCalls([4, 5, 6, 7, 8, 9, 10], '13:00:00') }));
    expect(verdict.allowed).toBe(false);
    expect(verdict.violations).toEqual([
      {
        ruleId: 'US-REGF-7IN7',
        effect: 'block',
        reason:
          "7 calls already made about this debt in the 7 days ending today (Jun 4–Jun 10, debtor's time); the limit is 7.",
        reasonCode: 'callCapReached',
        reasonParams: { made: 7, days: 7, day: 20614, max: 7 },
        source: '12 CFR 1006.14(b)(2)(i)(A)',
      },
    ]);
    expect(verdict.nextAllowedAt).toBe('2026-06-11T12:00:00Z');
    expect(verdict.rulesetVersion).toBe(RULESET_VERSION);
  });

  it("uses the portfolio's tighter parameters", () => {
    const facts = buildFacts({ history: dailyCalls([5, 6, 7, 8, 9]) });
    expect(evaluate(facts).allowed).toBe(true);
    const parameters = resolveParameters([PACKS.US, PACKS.POLICY], { 'US-REGF-7IN7.maxCalls': 5 });
    const verdict = evaluate(facts, { parameters });
    expect(verdict.violations.map((v) => v.ruleId)).toEqual(['US-REGF-7IN7']);
    expect(verdict.violations[0]?.reason).toContain('the limit is 5');
  });

  it('lists every violation and gives no next time when one of them has no end', () => {
    const verdict = evaluate(
      buildFacts({
        now: '2026-06-11T01:30:00Z',
        debtor: { ceaseRequestedAt: '2026-06-01T12:00:00Z', bankruptcyFiledAt: '2026-05-01T12:00:00Z' },
      }),
    );
    expect(verdict.violations.map((v) => v.ruleId)).toEqual(['US-REGF-TIME', 'US-FDCPA-CEASE', 'US-BK-STAY']);
    expect(verdict.nextAllowedAt).toBeNull();
  });

  it('reports a missing disclosure as a blocking require hit', () => {
    const verdict = evaluate(
      buildFacts({
        action: { kind: 'sms', contactPointId: 'm1', message: { disclosures: ['mini_miranda'] } },
      }),
    );
    expect(verdict.allowed).toBe(false);
    expect(verdict.violations).toMatchObject([{ ruleId: 'US-REGF-OPTOUT', effect: 'require' }]);
  });

  it('keeps warnings out of the allowed decision', () => {
    const verdict = evaluate(buildFacts({ history: dailyCalls([10], '17:58:00') }));
    expect(verdict.allowed).toBe(true);
    expect(verdict.warnings.map((w) => w.ruleId)).toEqual(['US-REGF-PATTERN']);
  });

  it('reads no clock: the same facts give the same verdict at any wall time', () => {
    const facts = buildFacts({ now: '2026-06-11T01:00:00Z' });
    const first = evaluate(facts);
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2031-01-01T03:00:00Z'));
    expect(evaluate(facts)).toEqual(first);
    expect(first.nextAllowedAt).toBe('2026-06-11T12:00:00Z');
  });
});

describe('the rule catalog', () => {
  it('has exactly one rule per catalog id, each in exactly one pack', () => {
    expect(RULES.map((rule) => rule.id)).toEqual([...RULE_IDS]);
    for (const id of RULE_IDS) {
      expect(
        Object.values(PACKS).filter((pack) => (pack.ruleIds as readonly string[]).includes(id)),
      ).toHaveLength(1);
    }
  });

  it('gives every rule a source and at least one action kind', () => {
    for (const rule of RULES) {
      for (const text of Object.values(rule.source)) expect(text, rule.id).not.toBe('');
      expect(rule.appliesTo.length, rule.id).toBeGreaterThan(0);
    }
  });

  it('applies no fact dated after the instant judged, not even at the next allowed time it searches for', () => {
    // 07:00 in New York: the calling window is closed. An opt-out dated 09:00 was not known at 07:00, so the
    // next allowed time is the window's opening, not "none".
    const facts = buildFacts({
      now: '2026-06-10T11:00:00Z',
      debtor: { optOuts: [{ channel: 'phone', at: '2026-06-10T13:00:00Z' }] },
    });
    const verdict = evaluate(facts);
    expect(verdict.violations.map((v) => v.ruleId)).toEqual(['US-REGF-TIME']);
    expect(verdict.nextAllowedAt).toBe('2026-06-10T12:00:00Z');
    // Judged at 09:00 itself, the opt-out applies.
    expect(evaluate({ ...facts, now: '2026-06-10T13:00:00Z' }).violations.map((v) => v.ruleId)).toEqual([
      'US-REGF-MEDIUM',
    ]);
  });

  it('counts an attorney or a death whose date is unknown at every instant', () => {
    const verdict = evaluate(
      buildFacts({ debtor: { attorney: { name: 'Dana Reyes', since: null }, deceased: true } }),
    );
    expect(verdict.violations.map((v) => v.ruleId)).toEqual(['US-FDCPA-ATTY', 'US-REGF-DECEASED']);
  });

  it('treats US and CN blocks as law and policy and warnings as overridable', () => {
    expect(isLegalRule('US-REGF-7IN7')).toBe(true);
    expect(isLegalRule('CN-CBA-HOURS')).toBe(true);
    expect(isLegalRule('US-REGF-OPTOUT')).toBe(true);
    expect(isLegalRule('POL-HOLD')).toBe(false);
    expect(isLegalRule('US-REGF-PATTERN')).toBe(false);
    expect(isLegalRule('US-NOPE')).toBe(false);
  });

  it('makes collection actions the contact actions plus the escalations', () => {
    expect(COLLECTION_ACTIONS).toEqual([
      ...CONTACT_ACTIONS,
      'third_party_contact',
      'agency_placement',
      'legal_filing',
    ]);
  });
});
