import { z } from 'zod';
import { RULE_IDS } from '../compliance/rule-ids.ts';
import { ACTION_KINDS, CONTACT_POINT_KINDS, DECISION_OUTCOMES } from '../domain/enums.ts';
import { idempotencyKey } from './idempotency.ts';
import { rowLimit } from './pagination.ts';
import { id, longText } from './primitives.ts';
import { RULE_EFFECTS } from './rules.ts';

/** The parameters of a reason code (compliance/reasons/codes.ts): flat JSON. */
export const reasonParams = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));

/**
 * One rule the verdict names: its id, a reason an agent understands and the legal source. `reasonCode` and
 * `reasonParams` carry the reason in a form any language can render (compliance/reasons/render.ts); decisions
 * stored before reasons had codes have only the English `reason`.
 */
export const ruleHit = z.object({
  ruleId: z.string(),
  effect: z.enum(RULE_EFFECTS),
  reason: z.string(),
  reasonCode: z.string().optional(),
  reasonParams: reasonParams.optional(),
  source: z.string(),
});
export type RuleHitView = z.infer<typeof ruleHit>;

export const verdictView = z.object({
  allowed: z.boolean(),
  violations: z.array(ruleHit),
  warnings: z.array(ruleHit),
  /** ISO instant the same action would pass, when only time-of-day or frequency rules block it. */
  nextAllowedAt: z.string().nullable(),
  rulesetVersion: z.string(),
  /** A supervisor's override waived the agency-policy violations (they stay listed in `violations`). */
  override: z.object({ decisionId: z.number().int(), reason: z.string() }).nullable(),
});
export type VerdictView = z.infer<typeof verdictView>;

const caseId = id('caseId');

export const complianceCheckInput = z.object({ caseId });

/** One action button on the case screen: an action kind, where it would go, and its verdict now. */
export const actionPreview = z.object({
  kind: z.enum(ACTION_KINDS),
  contactPointId: z.string().uuid().nullable(),
  contactPointKind: z.enum(CONTACT_POINT_KINDS).nullable(),
  contactPointLabel: z.string().nullable(),
  thirdPartyId: z.string().uuid().nullable(),
  verdict: verdictView,
  /**
   * When time alone lifts what blocks the action, a supervisor's approval aside (it is asked for apart): the
   * verdict's next allowed time, or a hold's end and the window after it. Null when the action is allowed now,
   * when only the approval is missing, or when something else must change first.
   */
  opensAt: z.string().nullable(),
});
export type ActionPreview = z.infer<typeof actionPreview>;

/** The debtor's clock in one candidate zone, so the screen can show "14:05 in New York". */
export const zoneClockView = z.object({
  zone: z.string(),
  /** Local wall-clock time `YYYY-MM-DDTHH:mm`. */
  localTime: z.string(),
  utcOffsetMinutes: z.number().int(),
});

export const complianceCheckOutput = z.object({
  caseId: z.string().uuid(),
  evaluatedAt: z.string(),
  rulesetVersion: z.string(),
  jurisdiction: z.object({ country: z.string(), region: z.string().nullable() }),
  /** Every zone a time rule must hold in (docs/compliance/CATALOG.md, principle 1), the calendar zone first. */
  debtorZones: z.array(zoneClockView),
  agentTimeZone: z.string(),
  actions: z.array(actionPreview),
});
export type ComplianceCheckOutput = z.infer<typeof complianceCheckOutput>;

/** What a stored decision records of its verdict, as the case screen and the oversight pages show it. */
export const decisionVerdict = {
  violations: z.array(ruleHit),
  warnings: z.array(ruleHit),
  ruleIds: z.array(z.string()),
  nextAllowedAt: z.string().nullable(),
  rulesetVersion: z.string(),
  overrideReason: z.string().nullable(),
};

export const decisionsInput = z.object({
  caseId,
  limit: rowLimit(200),
});

export const decisionView = z.object({
  id: z.number().int(),
  actionKind: z.enum(ACTION_KINDS),
  outcome: z.enum(DECISION_OUTCOMES),
  allowed: z.boolean(),
  actorId: z.string().uuid().nullable(),
  actorName: z.string().nullable(),
  contactPointId: z.string().uuid().nullable(),
  ...decisionVerdict,
  overridesDecisionId: z.number().int().nullable(),
  evaluatedAt: z.string(),
});
export type DecisionView = z.infer<typeof decisionView>;
export const decisionsOutput = z.array(decisionView);

export const overrideInput = z.object({
  caseId,
  actionKind: z.enum(ACTION_KINDS, { error: 'actionKind must be one of the action kinds of COMPLIANCE.md' }),
  ruleIds: z
    .array(z.enum(RULE_IDS, { error: (issue) => `unknown rule id ${JSON.stringify(issue.input)}` }))
    .min(1, 'Name at least one rule to override'),
  reason: longText(2000).min(10, 'Write a reason of at least 10 characters'),
  idempotencyKey,
});
export type OverrideInput = z.infer<typeof overrideInput>;

export const overrideOutput = z.object({
  decisionId: z.number().int(),
  /** The override waives the named rules for this case and action kind until then. */
  expiresAt: z.string(),
});
