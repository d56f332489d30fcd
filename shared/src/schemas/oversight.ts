import { z } from 'zod';
import { RULE_IDS } from '../compliance/rule-ids.ts';
import { daysBetween } from '../domain/calendar.ts';
import { ACTION_KINDS, CONTACT_OUTCOMES, DECISION_OUTCOMES, DIRECTIONS } from '../domain/enums.ts';
import { errorMessage } from '../errors/messages.ts';
import { refineMessage } from '../errors/zod-issues.ts';
import { decisionVerdict } from './compliance.ts';
import { idempotencyKey } from './idempotency.ts';
import { rowLimit } from './pagination.ts';
import { date, id, instant, longText } from './primitives.ts';

/** The longest range any oversight query reads, so a careless filter cannot scan years of contacts. */
export const MAX_RANGE_DAYS = 92;

/** `from`..`to`, both inclusive, local dates in the viewer's zone. */
const dateRange = {
  from: date('from'),
  to: date('to'),
};

function checkRange(value: { from: string; to: string }, ctx: z.RefinementCtx) {
  const days = daysBetween(value.from, value.to);
  if (days < 0)
    ctx.addIssue({ code: 'custom', path: ['to'], ...refineMessage(errorMessage('range.toBeforeFrom')) });
  if (days >= MAX_RANGE_DAYS) {
    ctx.addIssue({
      code: 'custom',
      path: ['to'],
      ...refineMessage(errorMessage('range.tooLong', { days: MAX_RANGE_DAYS })),
    });
  }
}

/** `<instant>|<row id>` as the list hands it out; checked here so a forged one is refused, not sent to the database. */
const AUDIT_CURSOR = /^([^|]+)\|\d{1,15}$/;
const NOT_A_CURSOR = refineMessage(errorMessage('audit.notACursor'));
const cursorInstant = instant('cursor');
const auditCursor = z
  .string()
  .max(100, NOT_A_CURSOR.message)
  .refine((value) => {
    const at = AUDIT_CURSOR.exec(value)?.[1];
    return at !== undefined && cursorInstant.safeParse(at).success;
  }, NOT_A_CURSOR);

export const AUDIT_KINDS = ['decisions', 'contacts'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];
export const REVIEW_STATES = ['reviewed', 'unreviewed'] as const;
/** Who made the decision or contact: a person, or the reminder scheduler (no user: actor / agent id null). */
export const AUDIT_ACTORS = ['people', 'automated'] as const;

export const auditListInput = z
  .object({
    kind: z.enum(AUDIT_KINDS),
    ...dateRange,
    agentId: id('agentId').optional(),
    teamId: id('teamId').optional(),
    portfolioId: id('portfolioId').optional(),
    ruleId: z
      .enum(RULE_IDS, { error: (issue) => `unknown rule id ${JSON.stringify(issue.input)}` })
      .optional(),
    /** The channel: the action kind of the decision or the contact. */
    actionKind: z.enum(ACTION_KINDS).optional(),
    /** A decision outcome for decisions, a contact outcome for contacts. */
    outcome: z.enum([...DECISION_OUTCOMES, ...CONTACT_OUTCOMES]).optional(),
    review: z.enum(REVIEW_STATES).optional(),
    /** `people` hides the automated reminders, which can outnumber the agents' own actions many times over. */
    by: z.enum(AUDIT_ACTORS).optional(),
    /** Opaque: the `nextCursor` of the previous page. */
    cursor: auditCursor.optional(),
    limit: rowLimit(200),
  })
  .superRefine((value, ctx) => {
    checkRange(value, ctx);
    if (value.outcome === undefined) return;
    const decisionOutcome = (DECISION_OUTCOMES as readonly string[]).includes(value.outcome);
    if (decisionOutcome !== (value.kind === 'decisions')) {
      ctx.addIssue({
        code: 'custom',
        path: ['outcome'],
        ...refineMessage(
          errorMessage('audit.outcomeNotOfKind', { outcome: value.outcome, kind: value.kind }),
        ),
      });
    }
  });
export type AuditListInput = z.infer<typeof auditListInput>;

export const reviewView = z.object({
  id: z.number().int(),
  reviewerId: z.string().uuid(),
  reviewerName: z.string(),
  note: z.string(),
  at: z.string(),
});
export type ReviewView = z.infer<typeof reviewView>;

/** The case an audited action was on, and the agent who took it (null when no agent did). */
const caseAndAgent = {
  caseId: z.string().uuid(),
  accountRef: z.string(),
  agentId: z.string().uuid().nullable(),
  agentName: z.string().nullable(),
};

export const auditRow = z.object({
  kind: z.enum(AUDIT_KINDS),
  id: z.number().int(),
  at: z.string(),
  ...caseAndAgent,
  actionKind: z.enum(ACTION_KINDS),
  /** Decision outcome or contact outcome. */
  outcome: z.string(),
  direction: z.enum(DIRECTIONS).nullable(),
  ruleIds: z.array(z.string()),
  /** For a contact: the decision it was recorded under (warnings or an override), if any. */
  decisionId: z.number().int().nullable(),
  /** The newest review: it supersedes older ones. */
  review: reviewView.nullable(),
});
export type AuditRow = z.infer<typeof auditRow>;

export const auditListOutput = z.object({
  rows: z.array(auditRow),
  nextCursor: z.string().nullable(),
});
export type AuditListOutput = z.infer<typeof auditListOutput>;

export const decisionDetailInput = z.object({ id: z.number().int().positive() });

export const chainLink = z.object({
  id: z.number().int(),
  outcome: z.enum(DECISION_OUTCOMES),
  actorName: z.string().nullable(),
  ruleIds: z.array(z.string()),
  overrideReason: z.string().nullable(),
  /** True for a supervisor's override grant (its facts hold the override, not an evaluation). */
  grant: z.boolean(),
  at: z.string(),
});

export const decisionDetail = z.object({
  id: z.number().int(),
  caseId: z.string().uuid(),
  accountRef: z.string(),
  debtorName: z.string(),
  actorId: z.string().uuid().nullable(),
  actorName: z.string().nullable(),
  actionKind: z.enum(ACTION_KINDS),
  outcome: z.enum(DECISION_OUTCOMES),
  ...decisionVerdict,
  evaluatedAt: z.string(),
  /** What the engine saw, as it saw it. */
  facts: z.record(z.string(), z.unknown()),
  /**
   * Display names of the ids inside `facts`, so a reviewer reads "DEMO-WA" and "Mobile" rather than UUIDs: the
   * case's account reference for the debt id, each contact point's label or masked value.
   */
  factNames: z.record(z.string(), z.string()),
  /** Older links first: the blocked attempt, the grant that answered it, the decisions that used the grant. */
  overrideChain: z.array(chainLink),
  /** The contact recorded under this decision, if the action went through. */
  contactId: z.number().int().nullable(),
  /** Newest first; the first one is the current review. */
  reviews: z.array(reviewView),
});
export type DecisionDetail = z.infer<typeof decisionDetail>;

export const reviewInput = z.object({
  target: z.enum(['decision', 'contact']),
  id: z.number().int().positive(),
  note: longText(2000).min(3, 'Write a note of at least 3 characters'),
  idempotencyKey,
});
export type ReviewInput = z.infer<typeof reviewInput>;

export const figuresInput = z
  .object({ ...dateRange, teamId: id('teamId').optional() })
  .superRefine(checkRange);

export const agentFigures = z.object({
  agentId: z.string().uuid(),
  agentName: z.string(),
  teamName: z.string().nullable(),
  /** Outbound contact-log rows by the agent: every attempt that went through the guard. */
  attempts: z.number().int(),
  /** Attempts that reached the debtor: a conversation. */
  contacts: z.number().int(),
  /** Attempts the guard refused. */
  blocked: z.number().int(),
  /** blocked / (attempts + blocked); null with nothing tried. */
  blockedRate: z.number().nullable(),
  /** Actions that went through on a supervisor's override. */
  overrides: z.number().int(),
  complaints: z.number().int(),
});
export type AgentFigures = z.infer<typeof agentFigures>;
export const figuresOutput = z.array(agentFigures);

export const heatMapInput = z
  .object({ ...dateRange, agentId: id('agentId').optional(), teamId: id('teamId').optional() })
  .superRefine(checkRange);

export const heatCell = z.object({
  /** ISO weekday of the debtor's local day: 1 Monday … 7 Sunday. */
  weekday: z.number().int().min(1).max(7),
  /** Hour of the debtor's local day, 0–23. */
  hour: z.number().int().min(0).max(23),
  attempts: z.number().int(),
  /** Attempts within EDGE_MINUTES of the start or end of the debtor's calling window. */
  nearEdge: z.number().int(),
  /** Attempts outside the calling window altogether. */
  outside: z.number().int(),
});
export type HeatCell = z.infer<typeof heatCell>;
export const EDGE_MINUTES = 30;

export const heatMapOutput = z.object({
  edgeMinutes: z.number().int(),
  total: z.number().int(),
  /** Only cells with attempts. */
  cells: z.array(heatCell),
});
export type HeatMapOutput = z.infer<typeof heatMapOutput>;

export const QA_REASONS = [
  'near_cap',
  'window_edge',
  'after_dispute',
  'after_cease',
  'overridden',
  'agent_complaints',
  'warned',
] as const;
export type QaReason = (typeof QA_REASONS)[number];

export const qaSampleInput = z.object({
  /** The local day (viewer's zone) whose contacts are sampled; yesterday when omitted. */
  date: date('date').optional(),
  teamId: id('teamId').optional(),
  size: z.number().int().min(1).max(100).default(20),
});

export const qaItem = z.object({
  contactId: z.number().int(),
  occurredAt: z.string(),
  ...caseAndAgent,
  kind: z.enum(ACTION_KINDS),
  outcome: z.enum(CONTACT_OUTCOMES),
  decisionId: z.number().int().nullable(),
  weight: z.number().int(),
  reasons: z.array(z.enum(QA_REASONS)),
  review: reviewView.nullable(),
});
export type QaItem = z.infer<typeof qaItem>;

export const qaSampleOutput = z.object({
  date: z.string(),
  /** Contacts of the day in scope that the sample was drawn from. */
  population: z.number().int(),
  items: z.array(qaItem),
});
export type QaSampleOutput = z.infer<typeof qaSampleOutput>;

export const auditOptionsOutput = z.object({
  agents: z.array(
    z.object({ id: z.string().uuid(), name: z.string(), teamId: z.string().uuid().nullable() }),
  ),
  teams: z.array(z.object({ id: z.string().uuid(), name: z.string() })),
  portfolios: z.array(z.object({ id: z.string().uuid(), name: z.string() })),
});
export type AuditOptionsOutput = z.infer<typeof auditOptionsOutput>;
