import type { RuleHit, Verdict } from '@arrears/shared/compliance/engine';
import type { RuleId } from '@arrears/shared/compliance/packs';
import { describe, expect, it } from 'vitest';
import type { OverrideGrant } from './decisions.queries.ts';
import { coveringGrant } from './overrides.ts';

const hit = (ruleId: RuleId): RuleHit => ({
  ruleId,
  effect: 'block',
  reason: 'because',
  source: 'somewhere',
});
const verdict = (...ruleIds: RuleId[]): Verdict => ({
  allowed: ruleIds.length === 0,
  violations: ruleIds.map(hit),
  warnings: [],
  nextAllowedAt: null,
  rulesetVersion: 'test',
});
const grant = (decisionId: number, ...ruleIds: string[]): OverrideGrant => ({
  decisionId,
  actionKind: 'call',
  ruleIds,
  reason: 'a reason',
});

describe('coveringGrant', () => {
  it('picks the first grant naming every blocking rule', () => {
    const grants = [grant(2, 'POL-HOLD'), grant(1, 'POL-HOLD', 'POL-APPROVAL')];
    expect(coveringGrant(verdict('POL-HOLD', 'POL-APPROVAL'), grants)?.decisionId).toBe(1);
    expect(coveringGrant(verdict('POL-HOLD'), grants)?.decisionId).toBe(2);
  });

  it('never waives a rule of law, whatever the grant names', () => {
    expect(coveringGrant(verdict('US-REGF-TIME'), [grant(1, 'US-REGF-TIME')])).toBeNull();
    expect(coveringGrant(verdict('POL-HOLD', 'US-BK-STAY'), [grant(1, 'POL-HOLD', 'US-BK-STAY')])).toBeNull();
  });

  it('has nothing to do for an allowed verdict', () => {
    expect(coveringGrant(verdict(), [grant(1, 'POL-HOLD')])).toBeNull();
  });
});
