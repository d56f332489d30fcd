import { boolean, index, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { cases } from './cases.ts';
import { createdAt, instant, serialId, serialRef, uuidRef } from './columns.ts';
import { contactPoints, debtors } from './debtors.ts';
import { actionKindEnum, decisionOutcomeEnum } from './enums.ts';
import { users } from './users.ts';

export interface RuleHitRecord {
  ruleId: string;
  effect: string;
  reason: string;
  source: string;
}

/**
 * Every evaluation that blocked, warned or was overridden, with the facts the engine saw, so a supervisor can
 * replay it. Append-only in the database. A supervisor's review is a separate row in `decision_reviews`.
 */
export const complianceDecisions = pgTable(
  'compliance_decisions',
  {
    id: serialId(),
    caseId: uuidRef('case_id', () => cases.id).notNull(),
    debtorId: uuidRef('debtor_id', () => debtors.id).notNull(),
    /** Null when the scheduler acted. */
    actorId: uuidRef('actor_id', () => users.id),
    actionKind: actionKindEnum('action_kind').notNull(),
    contactPointId: uuidRef('contact_point_id', () => contactPoints.id),
    outcome: decisionOutcomeEnum('outcome').notNull(),
    allowed: boolean('allowed').notNull(),
    violations: jsonb('violations').$type<RuleHitRecord[]>().notNull(),
    warnings: jsonb('warnings').$type<RuleHitRecord[]>().notNull(),
    /** Rule ids of violations and warnings, for filtering the audit by rule. */
    ruleIds: text('rule_ids').array().notNull(),
    nextAllowedAt: instant('next_allowed_at'),
    facts: jsonb('facts').$type<Record<string, unknown>>().notNull(),
    rulesetVersion: text('ruleset_version').notNull(),
    overrideReason: text('override_reason'),
    overridesDecisionId: serialRef('overrides_decision_id'),
    evaluatedAt: instant('evaluated_at').notNull(),
    recordedAt: createdAt(),
  },
  (t) => [
    index('compliance_decisions_case_idx').on(t.caseId, t.evaluatedAt.desc()),
    index('compliance_decisions_actor_idx').on(t.actorId, t.evaluatedAt.desc()),
    index('compliance_decisions_time_idx').on(t.evaluatedAt),
    index('compliance_decisions_rules_idx').using('gin', t.ruleIds),
  ],
);

/** A supervisor marked a decision or a contact reviewed. Appending a new review supersedes the old one. */
export const reviews = pgTable(
  'reviews',
  {
    id: serialId(),
    decisionId: serialRef('decision_id'),
    contactId: serialRef('contact_id'),
    reviewerId: uuidRef('reviewer_id', () => users.id).notNull(),
    note: text('note').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('reviews_decision_idx').on(t.decisionId), index('reviews_contact_idx').on(t.contactId)],
);
