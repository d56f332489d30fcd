import { evaluate } from '@arrears/shared/compliance/engine';
import type { ComplianceFacts } from '@arrears/shared/compliance/facts';
import { opensAt } from '@arrears/shared/compliance/opens-at';
import type { EffectiveParameters } from '@arrears/shared/compliance/pack-data';
import { zoneClock } from '@arrears/shared/compliance/time';
import { candidateZones } from '@arrears/shared/domain/calendar';
import type { SessionUser } from '@arrears/shared/schemas/auth';
import type { ComplianceCheckOutput, DecisionView } from '@arrears/shared/schemas/compliance';
import type { Executor } from '../../db/client.ts';
import { caseNotFound } from '../../errors.ts';
import { caseScope, findCaseInScope, loadCaseFactsFor, maskedLabel } from '../case-core/case-core.service.ts';
import { activeOverrides, listDecisions, stampedVersion } from './decisions.queries.ts';
import { factsFor } from './guard.ts';
import { coveringGrant } from './overrides.ts';
import { candidateActions } from './preview.ts';

/**
 * The verdict of every action the agent could take on the case now, from the same facts loader and engine as
 * the guard, with the overrides in force. A read: nothing is locked or recorded, and the guard judges again
 * when the agent acts.
 */
export async function checkCase(
  db: Executor,
  options: { user: SessionUser; caseId: string; now: Date },
): Promise<ComplianceCheckOutput> {
  const { user, caseId, now } = options;
  // The overrides are read beside the facts: they are returned only if the facts' scope check finds the case.
  const [read, grants] = await Promise.all([
    loadCaseFactsFor(db, caseId, now, { scope: caseScope(user), thirdParties: true }),
    activeOverrides(db, caseId, null, now),
  ]);
  if (!read) throw caseNotFound();
  const { facts: caseFacts, thirdParties: people } = read;
  const history = caseFacts.base.history ?? [];
  const actions = candidateActions(caseFacts.contactPoints, people, history, now).map((candidate) => {
    const facts = factsFor(caseFacts, candidate.action, now);
    const verdict = evaluate(facts, { parameters: caseFacts.parameters });
    const grant = coveringGrant(
      verdict,
      grants.filter((g) => g.actionKind === candidate.action.kind),
    );
    return {
      kind: candidate.action.kind,
      contactPointId: candidate.point?.id ?? null,
      contactPointKind: candidate.point?.kind ?? null,
      contactPointLabel: candidate.point === null ? null : maskedLabel(candidate.point),
      thirdPartyId: candidate.thirdPartyId,
      verdict: {
        ...verdict,
        violations: [...verdict.violations],
        warnings: [...verdict.warnings],
        override: grant === null ? null : { decisionId: grant.decisionId, reason: grant.reason },
      },
      opensAt: verdict.allowed ? null : openingOf(facts, verdict.nextAllowedAt, caseFacts.parameters, now),
    };
  });
  const zones = candidateZones(factsFor(caseFacts, { kind: 'agency_placement' }, now));
  const { debtor } = caseFacts;
  return {
    caseId,
    evaluatedAt: now.toISOString(),
    rulesetVersion: stampedVersion(caseFacts.portfolio.ruleParametersVersion),
    jurisdiction: { country: debtor.jurisdictionCountry, region: debtor.jurisdictionRegion },
    debtorZones: zones.map((zone) => localClock(zone, now)),
    agentTimeZone: user.timeZone,
    actions,
  };
}

/** When a blocked action opens with time, its approval aside (see actionPreview.opensAt); never `now` itself. */
function openingOf(
  facts: ComplianceFacts,
  nextAllowedAt: string | null,
  parameters: EffectiveParameters,
  now: Date,
): string | null {
  const opening = nextAllowedAt ?? opensAt(facts, { parameters, waived: ['POL-APPROVAL'] });
  return opening === null || Date.parse(opening) <= now.getTime() ? null : opening;
}

function localClock(zone: string, now: Date) {
  const offset = zoneClock(zone).offsetAt(now.getTime());
  const localTime = new Date(now.getTime() + offset).toISOString().slice(0, 16);
  return { zone, localTime, utcOffsetMinutes: Math.round(offset / 60_000) };
}

export async function caseDecisions(
  db: Executor,
  options: { user: SessionUser; caseId: string; limit: number },
): Promise<DecisionView[]> {
  await findCaseInScope(db, options.user, options.caseId);
  return listDecisions(db, options.caseId, options.limit);
}

// What other modules use of compliance: the guard (evaluate, then withCase), the contact log writer and the
// pieces of evaluation the approvals and the case screen show.
export { TARGET_KINDS, targetPoint } from './action-targets.ts';
export { type ContactEntry, recordContact } from './contact-record.ts';
export { OVERRIDE_HOURS, type OverrideGrant } from './decisions.queries.ts';
export {
  factsFor,
  type GuardedRequest,
  type GuardedResult,
  guardAction,
  type PassedAction,
  type Recorded,
} from './guard.ts';
export { coveringGrant } from './overrides.ts';
export { candidateActions } from './preview.ts';
export { judgeReported } from './reported.ts';
export { thirdPartyFacts } from './third-party-facts.ts';
