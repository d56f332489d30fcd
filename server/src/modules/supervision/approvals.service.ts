import { evaluate } from '@arrears/shared/compliance/engine';
import { approvalExpiresAt } from '@arrears/shared/domain/approvals';
import type { EscalationKind } from '@arrears/shared/domain/enums';
import { errorMessage } from '@arrears/shared/errors/messages';
import type { SessionUser } from '@arrears/shared/schemas/auth';
import type {
  ApprovalRow,
  ApprovalsListOutput,
  ApprovalVerdict,
  approvalsListInput,
} from '@arrears/shared/schemas/supervision';
import { and, asc, count, desc, eq, gt, inArray, isNotNull, lte, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { Executor } from '../../db/client.ts';
import { cases, complianceDecisions, debtors, escalationRequests, users } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { type CaseFacts, loadFactsForCases, maskedLabel } from '../case-core/case-core.service.ts';
import { caseScope, caseSummaryColumns } from '../cases/cases.service.ts';
import {
  candidateActions,
  coveringGrant,
  factsFor,
  OVERRIDE_HOURS,
  type OverrideGrant,
} from '../compliance/compliance.service.ts';

const requester = alias(users, 'requester');
const decider = alias(users, 'decider');

/**
 * The escalation requests on cases of the supervisor's teams: pending ones oldest first (the queue), decided ones
 * newest decision first (the history). Each pending request carries the verdict its action would get now once
 * approved, so the supervisor sees whether anything but the approval stands in the way.
 */
export async function listApprovals(
  db: Executor,
  options: { user: SessionUser; input: z.output<typeof approvalsListInput>; now: Date },
): Promise<ApprovalsListOutput> {
  const { user, input, now } = options;
  const parts: SQL[] = [caseScope(user), eq(escalationRequests.status, input.status)];
  if (input.kind) parts.push(eq(escalationRequests.kind, input.kind));
  const where = and(...parts);
  const order =
    input.status === 'pending'
      ? [asc(escalationRequests.createdAt), asc(escalationRequests.id)]
      : [desc(escalationRequests.decidedAt), desc(escalationRequests.id)];
  // The count runs beside the page and its verdicts: on a large scope it is the longest statement.
  const page = async () => {
    const rows = await db
      .select({
        request: escalationRequests,
        ...caseSummaryColumns,
        requesterName: requester.name,
        deciderName: decider.name,
      })
      .from(escalationRequests)
      .innerJoin(cases, eq(cases.id, escalationRequests.caseId))
      .innerJoin(debtors, eq(debtors.id, cases.debtorId))
      .innerJoin(requester, eq(requester.id, escalationRequests.requestedBy))
      .leftJoin(decider, eq(decider.id, escalationRequests.decidedBy))
      .where(where)
      .orderBy(...order)
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize);
    const verdicts = await verdictsOnceApproved(
      db,
      rows.map((row) => (row.request.status === 'pending' ? row.request : null)),
      now,
    );
    return { rows, verdicts };
  };
  const [[totalRow], { rows, verdicts }] = await Promise.all([
    db
      .select({ n: count() })
      .from(escalationRequests)
      .innerJoin(cases, eq(cases.id, escalationRequests.caseId))
      .where(where),
    page(),
  ]);
  return {
    rows: rows.map((row, i): ApprovalRow => {
      const r = row.request;
      return {
        requestId: r.id,
        caseId: r.caseId,
        accountRef: row.accountRef,
        debtorName: row.debtorName,
        balanceMinor: row.balanceMinor,
        currency: row.currency,
        daysPastDue: row.daysPastDue,
        stage: row.stage,
        kind: r.kind,
        status: r.status,
        requestedBy: { id: r.requestedBy, name: row.requesterName },
        requestReason: r.requestReason,
        requestedAt: r.createdAt.toISOString(),
        decidedBy: r.decidedBy === null ? null : { id: r.decidedBy, name: row.deciderName ?? '' },
        decisionReason: r.decisionReason,
        decidedAt: r.decidedAt?.toISOString() ?? null,
        usedAt: r.consumedAt?.toISOString() ?? null,
        expiresAt:
          r.status === 'approved' && r.decidedAt !== null && r.consumedAt === null
            ? approvalExpiresAt(r.kind, r.decidedAt).toISOString()
            : null,
        verdict: verdicts[i] ?? null,
      };
    }),
    total: totalRow?.n ?? 0,
    page: input.page,
    pageSize: input.pageSize,
  };
}

/**
 * The verdict of each pending request's action now (null for a decided one), judged by the same facts, candidate
 * actions and engine as `compliance.check`, with the approval assumed (as POL-APPROVAL will read it once granted)
 * and the overrides in force. Without the assumption every pending request would only show POL-APPROVAL. A field
 * visit is judged for each address on file: an allowed one first, else the one with the fewest blocking rules.
 * The facts of the whole page are read together (loadFactsForCases: one statement for the page, as loadCaseFacts reads one
 * case) and the overrides in one statement: a page costs three round trips, not three a row.
 */
export async function verdictsOnceApproved(
  db: Executor,
  requests: ReadonlyArray<{ caseId: string; kind: EscalationKind } | null>,
  now: Date,
): Promise<Array<ApprovalVerdict | null>> {
  const caseIds = [...new Set(requests.flatMap((r) => (r === null ? [] : [r.caseId])))];
  if (caseIds.length === 0) return requests.map(() => null);
  const [loaded, grants] = await Promise.all([
    loadFactsForCases(db, caseIds, now),
    activeOverridesOf(db, caseIds, now),
  ]);
  return requests.map((request) => {
    if (request === null) return null;
    const facts = loaded.get(request.caseId);
    if (!facts) return null;
    // As loadCaseFacts: nothing is judged on a portfolio whose parameters cannot be applied.
    if (!facts.ok)
      throw new AppError(
        'PRECONDITION_FAILED',
        errorMessage('case.rulesUnavailable', { detail: facts.reason }),
      );
    const caseGrants = (grants.get(request.caseId) ?? []).filter((g) => g.actionKind === request.kind);
    return judgeOnceApproved(facts.facts, request.kind, caseGrants, now);
  });
}

function judgeOnceApproved(
  loaded: CaseFacts,
  kind: EscalationKind,
  grants: readonly OverrideGrant[],
  now: Date,
): ApprovalVerdict {
  const caseFacts = withApproval(loaded, kind);
  const history = caseFacts.base.history ?? [];
  const judged = candidateActions(caseFacts.contactPoints, [], history, now)
    .filter((candidate) => candidate.action.kind === kind)
    .map((candidate) => {
      const verdict = evaluate(factsFor(caseFacts, candidate.action, now), {
        parameters: caseFacts.parameters,
      });
      const waived = !verdict.allowed && coveringGrant(verdict, grants) !== null;
      return {
        allowed: verdict.allowed || waived,
        violations: waived ? [] : [...verdict.violations],
        warnings: [...verdict.warnings],
        nextAllowedAt: verdict.nextAllowedAt,
        targetLabel: candidate.point === null ? null : maskedLabel(candidate.point),
        noTarget: false,
      };
    })
    .sort((a, b) => Number(b.allowed) - Number(a.allowed) || a.violations.length - b.violations.length);
  return (
    judged[0] ?? {
      allowed: false,
      violations: [],
      warnings: [],
      nextAllowedAt: null,
      targetLabel: null,
      noTarget: true,
    }
  );
}

/**
 * activeOverrides (compliance/decisions.queries.ts) for many cases in one statement: each case's grants of the
 * last 24 hours, newest first, with the same conditions.
 */
async function activeOverridesOf(
  db: Executor,
  caseIds: string[],
  now: Date,
): Promise<Map<string, OverrideGrant[]>> {
  const since = new Date(now.getTime() - OVERRIDE_HOURS * 3_600_000);
  const rows = await db
    .select({
      caseId: complianceDecisions.caseId,
      decisionId: complianceDecisions.id,
      actionKind: complianceDecisions.actionKind,
      ruleIds: complianceDecisions.ruleIds,
      reason: complianceDecisions.overrideReason,
    })
    .from(complianceDecisions)
    .where(
      and(
        inArray(complianceDecisions.caseId, caseIds),
        gt(complianceDecisions.evaluatedAt, since),
        lte(complianceDecisions.evaluatedAt, now),
        eq(complianceDecisions.outcome, 'overridden'),
        isNotNull(sql`${complianceDecisions.facts} -> 'override'`),
      ),
    )
    .orderBy(desc(complianceDecisions.evaluatedAt), desc(complianceDecisions.id));
  const byCase = new Map<string, OverrideGrant[]>();
  for (const { caseId, reason, ...grant } of rows) {
    const list = byCase.get(caseId) ?? [];
    list.push({ ...grant, reason: reason ?? '' });
    byCase.set(caseId, list);
  }
  return byCase;
}

function withApproval(caseFacts: CaseFacts, kind: EscalationKind): CaseFacts {
  const approvals = caseFacts.base.debt.approvals ?? [];
  return {
    ...caseFacts,
    base: {
      ...caseFacts.base,
      debt: { ...caseFacts.base.debt, approvals: [...new Set([...approvals, kind])] },
    },
  };
}
