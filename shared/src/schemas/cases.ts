import { z } from 'zod';
import { BUCKETS, CASE_STATUSES, LADDER_STAGES } from '../domain/enums.ts';
import { pageInput, pageOutput, sortDirection } from './pagination.ts';
import { id, shortText } from './primitives.ts';

export const CASE_SORT_FIELDS = [
  'priority',
  'balance',
  'daysPastDue',
  'dueDate',
  'accountRef',
  'lastContactAt',
] as const;
export type CaseSortField = (typeof CASE_SORT_FIELDS)[number];

export const caseListInput = pageInput.extend({
  sort: z
    .object({ field: z.enum(CASE_SORT_FIELDS), direction: sortDirection })
    .default({ field: 'priority', direction: 'desc' }),
  filter: z
    .object({
      status: z.enum(CASE_STATUSES).optional(),
      bucket: z.enum(BUCKETS).optional(),
      stage: z.enum(LADDER_STAGES).optional(),
      portfolioId: id('portfolioId').optional(),
      /** An agent's id, or `unassigned` for the team pool. */
      agentId: z.union([id('agentId'), z.literal('unassigned')]).optional(),
      /** Matches the debtor's name (similarity) or the start of the account reference. */
      search: shortText(100).min(2, 'Type at least 2 characters').optional(),
    })
    .default({}),
});
export type CaseListInput = z.input<typeof caseListInput>;

/** A case as every list of cases shows it (case list, queues, team cases, approvals): whose, how much, how late. */
export const caseGlance = z.object({
  accountRef: z.string(),
  debtorName: z.string(),
  currency: z.string(),
  balanceMinor: z.number().int(),
  daysPastDue: z.number().int(),
  bucket: z.enum(BUCKETS),
  stage: z.enum(LADDER_STAGES),
});

export const caseRow = z.object({
  id: z.string().uuid(),
  ...caseGlance.shape,
  portfolioName: z.string(),
  status: z.enum(CASE_STATUSES),
  dueDate: z.string(),
  assignedAgentName: z.string().nullable(),
  lastContactAt: z.string().nullable(),
  priority: z.number().int(),
});
export type CaseRow = z.infer<typeof caseRow>;

export const caseListOutput = pageOutput(caseRow);

export const caseFilterOptions = z.object({
  portfolios: z.array(z.object({ id: z.string().uuid(), name: z.string(), currency: z.string() })),
  agents: z.array(z.object({ id: z.string().uuid(), name: z.string() })),
});
