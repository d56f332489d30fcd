import { isLegalRule, type Verdict } from '@arrears/shared/compliance/engine';
import type { OverrideGrant } from './decisions.queries.ts';

/**
 * The grant that lets a blocked action through, if any: it must name every blocking rule, and none of them may
 * be a rule of law (US-*, CN-*), which no one can waive whatever a grant says.
 */
export function coveringGrant(verdict: Verdict, grants: readonly OverrideGrant[]): OverrideGrant | null {
  if (verdict.allowed) return null;
  if (verdict.violations.some((hit) => isLegalRule(hit.ruleId))) return null;
  return (
    grants.find((grant) => verdict.violations.every((hit) => grant.ruleIds.includes(hit.ruleId))) ?? null
  );
}
