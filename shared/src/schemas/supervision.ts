import { z } from 'zod';
import {
  APPROVAL_STATUSES,
  BUCKETS,
  COMPLAINT_STATUSES,
  ESCALATION_KINDS,
  LADDER_STAGES,
} from '../domain/enums.ts';
import { errorMessage } from '../errors/messages.ts';
import { refineMessage } from '../errors/zod-issues.ts';
import { caseGlance } from './cases.ts';
import { verdictView } from './compliance.ts';
import { idempotencyKey } from './idempotency.ts';
import { pageInput, pageNumbers, pageOutput } from './pagination.ts';
import { id, longText } from './primitives.ts';

/** Supervision: the approvals queue, complaints and team reassignment (issue 5, items 3–5). */

const person = z.object({ id: z.string().uuid(), name: z.string() });
export type PersonView = z.infer<typeof person>;

// ---------------------------------------------------------------------------------------------------------------
// Approvals

export const approvalsListInput = pageInput.extend({
  status: z
    .enum(APPROVAL_STATUSES, { error: 'status must be pending, approved or rejected' })
    .default('pending'),
  kind: z
    .enum(ESCALATION_KINDS, { error: 'kind must be agency_placement, field_visit or legal_filing' })
    .optional(),
});
export type ApprovalsListInput = z.input<typeof approvalsListInput>;

/**
 * What the guard would answer for the requested action now if the request were approved: the approval itself
 * is assumed, so `violations` are the other rules that would still refuse it. A field visit is judged for each
 * address on file and the most promising one is shown.
 */
export const approvalVerdict = verdictView
  .pick({ allowed: true, violations: true, warnings: true, nextAllowedAt: true })
  .extend({
    /** The masked address a field visit was judged for; null for placements and filings. */
    targetLabel: z.string().nullable(),
    /** A field visit with no address on file cannot be carried out at all. */
    noTarget: z.boolean(),
  });
export type ApprovalVerdict = z.infer<typeof approvalVerdict>;

export const approvalRow = z.object({
  requestId: z.string().uuid(),
  caseId: z.string().uuid(),
  ...caseGlance.omit({ bucket: true }).shape,
  kind: z.enum(ESCALATION_KINDS),
  status: z.enum(APPROVAL_STATUSES),
  requestedBy: person,
  requestReason: z.string(),
  requestedAt: z.string(),
  decidedBy: person.nullable(),
  decisionReason: z.string().nullable(),
  decidedAt: z.string().nullable(),
  /**
   * An approval's use (decision record 026): when an action used it up, else the instant it lapses (or lapsed) unused.
   * Both null for pending and rejected requests.
   */
  usedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  /** Only for pending requests: decided ones are history. */
  verdict: approvalVerdict.nullable(),
});
export type ApprovalRow = z.infer<typeof approvalRow>;

export const approvalsListOutput = pageOutput(approvalRow);
export type ApprovalsListOutput = z.infer<typeof approvalsListOutput>;

// ---------------------------------------------------------------------------------------------------------------
// Complaints

export const complaintsListInput = pageInput.extend({
  /** `unresolved` is open and investigating together, the default view. */
  status: z
    .enum([...COMPLAINT_STATUSES, 'unresolved', 'all'], {
      error: 'status must be open, investigating, resolved, unresolved or all',
    })
    .default('unresolved'),
  agentId: id('agentId').optional(),
  overdueOnly: z.boolean().default(false),
});
export type ComplaintsListInput = z.input<typeof complaintsListInput>;

export const complaintRow = z.object({
  id: z.string().uuid(),
  caseId: z.string().uuid(),
  /** The case's team: only its agents and supervisors may be assigned the complaint. */
  teamId: z.string().uuid().nullable(),
  accountRef: z.string(),
  debtorName: z.string(),
  agent: person.nullable(),
  assignedTo: person.nullable(),
  channel: z.string(),
  description: z.string(),
  status: z.enum(COMPLAINT_STATUSES),
  receivedAt: z.string(),
  resolveBy: z.string(),
  resolution: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  resolvedBy: person.nullable(),
  /** Whole days since receipt (to resolution when resolved). */
  ageDays: z.number().int(),
  /** Unresolved past its target, or resolved after it. */
  overdue: z.boolean(),
});
export type ComplaintRow = z.infer<typeof complaintRow>;

export const complaintsListOutput = pageOutput(complaintRow).extend({
  /** The agents named by complaints in scope, for the filter. */
  agents: z.array(person),
});
export type ComplaintsListOutput = z.infer<typeof complaintsListOutput>;

export const complaintAssigneesOutput = z.array(
  person.extend({ role: z.enum(['agent', 'supervisor']), teamIds: z.array(z.string().uuid()) }),
);
export type ComplaintAssignee = z.infer<typeof complaintAssigneesOutput>[number];

export const complaintAssignInput = z.object({
  complaintId: id('complaintId'),
  assigneeId: id('assigneeId'),
  idempotencyKey,
});
export const complaintInvestigateInput = z.object({ complaintId: id('complaintId'), idempotencyKey });
export const complaintResolveInput = z.object({
  complaintId: id('complaintId'),
  resolution: longText(4000).min(10, 'Write a resolution of at least 10 characters'),
  idempotencyKey,
});
export const complaintView = complaintRow;

// ---------------------------------------------------------------------------------------------------------------
// Team

export const teamOverviewOutput = z.array(
  z.object({
    id: z.string().uuid(),
    name: z.string(),
    /** Active cases in the team's unassigned pool. */
    poolCases: z.number().int(),
    agents: z.array(
      person.extend({
        email: z.string(),
        active: z.boolean(),
        /** Active cases assigned to the agent in this team. */
        activeCases: z.number().int(),
      }),
    ),
  }),
);
export type TeamOverview = z.infer<typeof teamOverviewOutput>;

export const teamCasesInput = pageInput.extend({
  teamId: id('teamId'),
  /** An agent's id, or `pool` for the team's unassigned cases. */
  agentId: z.union([id('agentId'), z.literal('pool')]).optional(),
  bucket: z.enum(BUCKETS, { error: 'bucket is not a delinquency bucket' }).optional(),
  stage: z.enum(LADDER_STAGES, { error: 'stage is not a ladder stage' }).optional(),
});
export type TeamCasesInput = z.input<typeof teamCasesInput>;

export const teamCaseRow = z.object({
  id: z.string().uuid(),
  ...caseGlance.shape,
  assignedAgent: person.nullable(),
});
export type TeamCaseRow = z.infer<typeof teamCaseRow>;

/** Counting a team's cases stops here: on a million-case book an exact count costs seconds. */
export const TEAM_COUNT_CAP = 10_000;

export const teamCasesOutput = z.object({
  rows: z.array(teamCaseRow),
  /** Exact up to TEAM_COUNT_CAP; `totalCapped` says there are more. */
  total: z.number().int(),
  totalCapped: z.boolean(),
  ...pageNumbers,
});
export type TeamCasesOutput = z.infer<typeof teamCasesOutput>;

export const MAX_REASSIGN = 500;

export const teamReassignInput = z.object({
  teamId: id('teamId'),
  caseIds: z
    .array(id('caseIds'))
    .min(1, 'Select at least one case')
    .max(MAX_REASSIGN, `Reassign at most ${MAX_REASSIGN} cases at once`)
    .refine((ids) => new Set(ids).size === ids.length, refineMessage(errorMessage('team.caseListedTwice'))),
  /** The agent who takes the cases, or null for the team's pool. */
  toAgentId: id('toAgentId').nullable(),
  idempotencyKey,
});
export type TeamReassignInput = z.input<typeof teamReassignInput>;

export const teamReassignOutput = z.object({
  /** Cases whose agent changed (each audited). */
  moved: z.number().int(),
  /** Cases that were already with the target. */
  unchanged: z.number().int(),
});

/** What a machine did that the team's supervisors must look at (supervisor_alerts), newest first. */
export const teamAlertsOutput = z.array(
  z.object({
    id: z.number().int(),
    kind: z.enum(['dial_without_reservation']),
    caseId: z.string(),
    accountRef: z.string(),
    teamName: z.string().nullable(),
    /** The integration that reported it (a dialer key's name). */
    reportedBy: z.string().nullable(),
    ruleIds: z.array(z.string()),
    decisionId: z.number().int().nullable(),
    raisedAt: z.string(),
  }),
);
export type TeamAlerts = z.infer<typeof teamAlertsOutput>;
