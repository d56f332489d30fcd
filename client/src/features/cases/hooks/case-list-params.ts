import {
  BUCKETS,
  type Bucket,
  CASE_STATUSES,
  type CaseStatus,
  LADDER_STAGES,
  type LadderStage,
} from '@arrears/shared/domain/enums';
import type { CaseListInput, CaseSortField } from '@arrears/shared/schemas/cases';
import type { PagingSteps } from '../../../hooks/use-url-paged-table.ts';

/**
 * The case list's state lives in the URL so that reload, back and a shared link show the same page. These pure
 * functions translate between the URL and the `cases.list` input; anything malformed in the URL is ignored.
 */
export const PAGE_SIZES = [25, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

export type SortDirection = 'asc' | 'desc';

/**
 * `CASE_SORT_FIELDS` mirrored as a type-checked record: importing the runtime tuple from the contracts module
 * would ship zod to the browser for one array. A field added to or removed from the contract fails here.
 */
const SORTABLE: Record<CaseSortField, true> = {
  priority: true,
  balance: true,
  daysPastDue: true,
  dueDate: true,
  accountRef: true,
  lastContactAt: true,
};
export const CASE_SORT_FIELDS = Object.keys(SORTABLE) as CaseSortField[];

export interface CaseListState {
  page: number;
  pageSize: PageSize;
  sort: { field: CaseSortField; direction: SortDirection };
  filter: {
    status?: CaseStatus;
    bucket?: Bucket;
    stage?: LadderStage;
    portfolioId?: string;
    /** An agent's id, or `unassigned` for the team pool. */
    agentId?: string;
    search?: string;
  };
}

export const DEFAULT_PAGE_SIZE: PageSize = 50;
export const DEFAULT_SORT: CaseListState['sort'] = { field: 'priority', direction: 'desc' };
export const SEARCH_MIN_LENGTH = 2;
const SEARCH_MAX_LENGTH = 100;
const MAX_PAGE = 100_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const KEY = {
  page: 'page',
  pageSize: 'size',
  sort: 'sort',
  direction: 'dir',
  status: 'status',
  bucket: 'bucket',
  stage: 'stage',
  portfolioId: 'portfolio',
  agentId: 'agent',
  search: 'q',
} as const;

export function parseCaseListParams(params: URLSearchParams): CaseListState {
  const page = Number(params.get(KEY.page));
  const pageSize = Number(params.get(KEY.pageSize));
  const sortField = oneOf(CASE_SORT_FIELDS, params.get(KEY.sort));
  const direction = oneOf(['asc', 'desc'] as const, params.get(KEY.direction));
  const portfolioId = params.get(KEY.portfolioId) ?? '';
  const agentId = params.get(KEY.agentId) ?? '';
  const search = normalizeSearch(params.get(KEY.search) ?? '');
  return {
    page: Number.isInteger(page) && page >= 1 && page <= MAX_PAGE ? page : 1,
    pageSize: oneOf(PAGE_SIZES, pageSize) ?? DEFAULT_PAGE_SIZE,
    sort: sortField ? { field: sortField, direction: direction ?? 'desc' } : DEFAULT_SORT,
    filter: dropUndefined({
      status: oneOf(CASE_STATUSES, params.get(KEY.status)),
      bucket: oneOf(BUCKETS, params.get(KEY.bucket)),
      stage: oneOf(LADDER_STAGES, params.get(KEY.stage)),
      portfolioId: UUID.test(portfolioId) ? portfolioId : undefined,
      agentId: agentId === 'unassigned' || UUID.test(agentId) ? agentId : undefined,
      search: search || undefined,
    }),
  };
}

/** The URL form of a state; defaults are left out so that the plain `/cases` link is the default list. */
export function toCaseListParams(state: CaseListState): URLSearchParams {
  const params = new URLSearchParams();
  const { filter } = state;
  for (const name of ['status', 'bucket', 'stage', 'portfolioId', 'agentId', 'search'] as const) {
    const value = filter[name];
    if (value) params.set(KEY[name], value);
  }
  if (state.sort.field !== DEFAULT_SORT.field || state.sort.direction !== DEFAULT_SORT.direction) {
    params.set(KEY.sort, state.sort.field);
    params.set(KEY.direction, state.sort.direction);
  }
  if (state.pageSize !== DEFAULT_PAGE_SIZE) params.set(KEY.pageSize, String(state.pageSize));
  if (state.page !== 1) params.set(KEY.page, String(state.page));
  return params;
}

export function toCaseListInput(state: CaseListState): CaseListInput {
  return { page: state.page, pageSize: state.pageSize, sort: state.sort, filter: state.filter };
}

/** Search text as the server accepts it, or '' when it is too short to search by. */
export function normalizeSearch(text: string): string {
  const trimmed = text.trim().slice(0, SEARCH_MAX_LENGTH);
  return trimmed.length >= SEARCH_MIN_LENGTH ? trimmed : '';
}

export function hasFilters(filter: CaseListState['filter']): boolean {
  return Object.keys(filter).length > 0;
}

/** A changed filter, sort or page size starts again at page 1: the old page number means nothing any more. */
export function withFilter(state: CaseListState, patch: Partial<CaseListState['filter']>): CaseListState {
  return { ...state, page: 1, filter: dropUndefined({ ...state.filter, ...patch }) };
}

export function withoutFilters(state: CaseListState): CaseListState {
  return { ...state, page: 1, filter: {} };
}

export function withSort(state: CaseListState, sort: CaseListState['sort']): CaseListState {
  return { ...state, page: 1, sort };
}

export function withPageSize(state: CaseListState, pageSize: number): CaseListState {
  return { ...state, page: 1, pageSize: oneOf(PAGE_SIZES, pageSize) ?? DEFAULT_PAGE_SIZE };
}

export function withPage(state: CaseListState, page: number): CaseListState {
  return { ...state, page: Math.min(Math.max(1, Math.trunc(page)), MAX_PAGE) };
}

/** The cases table's paging steps (`useUrlPagedTable`). */
export const CASE_PAGING: PagingSteps<CaseSortField, CaseListState> = {
  sortFields: CASE_SORT_FIELDS,
  withPage,
  withPageSize,
  withSort,
};

function oneOf<const T extends string | number>(values: readonly T[], value: unknown): T | undefined {
  return (values as readonly unknown[]).includes(value) ? (value as T) : undefined;
}

function dropUndefined<T extends object>(record: T): T {
  return Object.fromEntries(
    Object.entries(record).filter(([, value]) => value !== undefined && value !== ''),
  ) as T;
}
