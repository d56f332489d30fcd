import type { SessionUser } from '@arrears/shared/schemas/auth';
import type { CaseListInput, CaseRow, CaseSortField, caseListInput } from '@arrears/shared/schemas/cases';
import { and, asc, count, desc, eq, ilike, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Executor } from '../../db/client.ts';
import { caseQueueState, cases, debtors, portfolios, users } from '../../db/schema/index.ts';
import { caseScope, selectCases } from './cases.service.ts';

type ListInput = z.output<typeof caseListInput>;

const SORT_COLUMNS = {
  priority: caseQueueState.priority,
  balance: cases.balanceMinor,
  daysPastDue: cases.daysPastDue,
  dueDate: cases.dueDate,
  accountRef: cases.accountRef,
  lastContactAt: cases.lastContactAt,
} satisfies Record<CaseSortField, unknown>;

/** `%` and `_` typed by a person are literal characters, not wildcards. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function conditions(user: SessionUser, filter: ListInput['filter']): SQL {
  const parts: SQL[] = [caseScope(user)];
  if (filter.status) parts.push(eq(cases.status, filter.status));
  if (filter.bucket) parts.push(eq(cases.bucket, filter.bucket));
  if (filter.stage) parts.push(eq(cases.stage, filter.stage));
  if (filter.portfolioId) parts.push(eq(cases.portfolioId, filter.portfolioId));
  if (filter.agentId === 'unassigned') parts.push(isNull(cases.assignedAgentId));
  else if (filter.agentId) parts.push(eq(cases.assignedAgentId, filter.agentId));
  if (filter.search) {
    const term = escapeLike(filter.search);
    parts.push(or(ilike(debtors.fullName, `%${term}%`), ilike(cases.accountRef, `${term}%`)) as SQL);
  }
  return and(...parts) as SQL;
}

/** One page of the cases a user may see, with the total for the pager. */
export async function listCases(
  db: Executor,
  user: SessionUser,
  input: ListInput,
): Promise<{ rows: CaseRow[]; total: number }> {
  const where = conditions(user, input.filter);
  const column = SORT_COLUMNS[input.sort.field];
  const order = input.sort.direction === 'asc' ? asc(column) : desc(column);
  const nulls = input.sort.direction === 'asc' ? sql`nulls first` : sql`nulls last`;
  const rows = await selectCases(db, {
    id: cases.id,
    accountRef: cases.accountRef,
    debtorName: debtors.fullName,
    portfolioName: portfolios.name,
    currency: cases.currency,
    balanceMinor: cases.balanceMinor,
    daysPastDue: cases.daysPastDue,
    bucket: cases.bucket,
    stage: cases.stage,
    status: cases.status,
    dueDate: cases.dueDate,
    assignedAgentName: users.name,
    lastContactAt: cases.lastContactAt,
    priority: caseQueueState.priority,
  })
    // The priority is the queues' (every case has its queue row).
    .innerJoin(caseQueueState, eq(caseQueueState.caseId, cases.id))
    .leftJoin(users, eq(users.id, cases.assignedAgentId))
    .where(where)
    // The id breaks ties so paging is stable when many rows share a sort value.
    .orderBy(sql`${order} ${nulls}`, asc(cases.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize);
  const [totalRow] = await db
    .select({ n: count() })
    .from(cases)
    .innerJoin(debtors, eq(debtors.id, cases.debtorId))
    .where(where);
  return {
    rows: rows.map((r) => ({ ...r, lastContactAt: r.lastContactAt?.toISOString() ?? null })),
    total: totalRow?.n ?? 0,
  };
}

export type { CaseListInput };
