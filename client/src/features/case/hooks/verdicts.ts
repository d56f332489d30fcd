import type { ActionKind } from '@arrears/shared/domain/enums';
import type {
  ActionPreview,
  ComplianceCheckOutput,
  RuleHitView,
  VerdictView,
} from '@arrears/shared/schemas/compliance';
import type { VerdictState } from '../../../components/ui/verdict-badge.tsx';

/** The contact actions an agent takes by hand from the case screen; dialer calls belong to the dialer. */
export const PANEL_CONTACT_KINDS = ['call', 'voicemail', 'sms', 'email', 'letter', 'app_push'] as const;
export type PanelContactKind = (typeof PANEL_CONTACT_KINDS)[number];

/** Escalations the agent can only ask for: a supervisor approves them (POL-APPROVAL). */
export const ESCALATION_ACTION_KINDS = ['agency_placement', 'field_visit', 'legal_filing'] as const;
export type EscalationActionKind = (typeof ESCALATION_ACTION_KINDS)[number];

/**
 * Allowed, warning or blocked. A supervisor's override lets a blocked action through (agency policy only), so
 * it reads as a warning: the agent may go ahead, and should know why it was blocked.
 */
export function verdictState(verdict: VerdictView): VerdictState {
  if (!verdict.allowed && verdict.override === null) return 'blocked';
  if (verdict.warnings.length > 0 || verdict.override !== null) return 'warning';
  return 'allowed';
}

export function isPanelContactKind(kind: ActionKind): kind is PanelContactKind {
  return (PANEL_CONTACT_KINDS as readonly ActionKind[]).includes(kind);
}

/** The contact actions of the panel, grouped by kind in panel order; each kind lists its contact points. */
export function contactActionGroups(
  check: ComplianceCheckOutput,
): { kind: PanelContactKind; actions: ActionPreview[] }[] {
  return PANEL_CONTACT_KINDS.map((kind) => ({
    kind,
    actions: check.actions.filter((action) => action.kind === kind && action.contactPointId !== null),
  })).filter((group) => group.actions.length > 0);
}

/** The first action of a kind that may be taken now, else the first of that kind (for its reason). */
export function bestActionOf(check: ComplianceCheckOutput, kind: ActionKind): ActionPreview | undefined {
  const ofKind = check.actions.filter((action) => action.kind === kind);
  return ofKind.find((action) => verdictState(action.verdict) !== 'blocked') ?? ofKind[0];
}

/**
 * Whether asking a supervisor for an escalation makes sense: only the approval itself may be missing. Any
 * other blocking rule (a dispute, a bankruptcy stay) would still refuse the escalation once approved.
 */
export function escalationBlockers(check: ComplianceCheckOutput, kind: EscalationActionKind): RuleHitView[] {
  const actions = check.actions.filter((action) => action.kind === kind);
  const blockers = (action: ActionPreview) =>
    action.verdict.override === null
      ? action.verdict.violations.filter((hit) => hit.ruleId !== 'POL-APPROVAL')
      : [];
  // A field visit goes to one of several addresses: it is possible when any one of them is.
  const perTarget = actions.map(blockers);
  if (perTarget.length === 0 || perTarget.some((hits) => hits.length === 0)) return [];
  return perTarget[0] ?? [];
}

/** The earliest instant one of the kind's targets opens with time, its approval aside (actionPreview.opensAt). */
export function earliestOpening(check: ComplianceCheckOutput, kind: ActionKind): string | null {
  const openings = check.actions
    .filter((action) => action.kind === kind && action.opensAt !== null)
    .map((action) => action.opensAt!);
  return openings.sort((a, b) => Date.parse(a) - Date.parse(b))[0] ?? null;
}
