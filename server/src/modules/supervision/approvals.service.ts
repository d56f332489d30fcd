import { evaluate } from '@arrears/shared/compliance/engine';
import type { EscalationKind } from '@arrears/shared/domain/enums';
import type { SessionUser } from '@arrears/shared/schemas/auth';
import type {
  ApprovalRow,
  ApprovalsListOutput,
  ApprovalVerdict,
  approvalsListInput,
} from '@arrears/shared/schemas/supervision';
import { and, asc, count, desc, eq, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { Executor } from '../../db/client.ts';
import { cases, debtors, escalationRequests, users } from '../../db/schema/index.ts';
import { caseScope } from '../cases/case-scope.ts';
import { activeOverrides } from '../compliance/decisions.queries.ts';
import { type CaseFacts, loadCaseFacts } from '../compliance/facts.queries.ts';
import { factsFor } from '../compliance/guard.ts';
import { coveringGrant } from '../compliance/overrides.ts';
import { candidateActions, maskedLabel } from '../compliance/preview.ts';

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
  const [rows, [totalRow]] = await Promise.all([
    db
      .select({
        request: escalationRequests,
        accountRef: cases.accountRef,
        debtorName: debtors.fullName,
        balanceMinor: cases.balanceMinor,
        currency: cases.currency,
        daysPastDue: cases.daysPastDue,
        stage: cases.stage,
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
      .offset((input.page - 1) * input.pageSize),
    db
      .select({ n: count() })
      .from(escalationRequests)
      .innerJoin(cases, eq(cases.id, escalationRequests.caseId))
      .where(where),
  ]);
  const verdicts = await Promise.all(
    rows.map((row) =>
      row.request.status === 'pending'
        ? verdictOnceApproved(db, row.request.caseId, row.request.kind, now)
        : Promise.resolve(null),
    ),
  );
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
        verdict: verdicts[i] ?? null,
      };
    }),
    total: totalRow?.n ?? 0,
    page: input.page,
    pageSize: input.pageSize,
  };
}

/**
 * The verdict of the requested action now, judged by the same facts loader, candidate actions and engine as
 * `compliance.check`, with the approval assumed (as POL-APPROVAL will read it once granted) and the overrides in
 * force. Without the assumption every pending request would only show POL-APPROVAL. A field visit is judged for
 * each address on file: an allowed one first, else the one with the fewest blocking rules.
 */
export async function verdictOnceApproved(
  db: Executor,
  caseId: string,
  kind: EscalationKind,
  now: Date,
): Promise<ApprovalVerdict | null> {
  const loaded = await loadCaseFacts(db, caseId, now);
  if (!loaded) return null;
  const caseFacts = withApproval(loaded, kind);
  const grants = await activeOverrides(db, caseId, kind, now);
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
