import type { Queue, QueueListInput, QueueSortField } from '@arrears/shared/schemas/queues';
import type { PagingSteps } from '../../../hooks/use-url-paged-table.ts';

/**
 * The queue page's state lives in the URL (queue, page, page size, sort) so that reload, back and a shared
 * link show the same page. Malformed values fall back to the defaults. The runtime tuples of the contract are
 * mirrored as type-checked records so the browser does not load zod for them.
 */
const QUEUE_RECORD: Record<Queue, true> = {
  mine: true,
  promises_due_today: true,
  broken_promises: true,
  new_placements: true,
  callbacks_due: true,
  team_pool: true,
};
export const QUEUE_NAMES = Object.keys(QUEUE_RECORD) as Queue[];

const SORT_RECORD: Record<QueueSortField, true> = {
  priority: true,
  balance: true,
  daysPastDue: true,
  nextWorkableAt: true,
};
export const QUEUE_SORT_FIELDS = Object.keys(SORT_RECORD) as QueueSortField[];

/** The server pages at most 50 rows (QUEUE_PAGE_SIZE_MAX): each blocked row is judged by the engine. */
export const QUEUE_PAGE_SIZES = [25, 50] as const;
type PageSize = (typeof QUEUE_PAGE_SIZES)[number];
const MAX_PAGE = 100_000;

export interface QueueState {
  queue: Queue;
  page: number;
  pageSize: PageSize;
  sort: { field: QueueSortField; direction: 'asc' | 'desc' };
}

export const DEFAULT_QUEUE_STATE: QueueState = {
  queue: 'mine',
  page: 1,
  pageSize: 50,
  sort: { field: 'priority', direction: 'desc' },
};

export function parseQueueParams(params: URLSearchParams): QueueState {
  const page = Number(params.get('page'));
  const field = oneOf(QUEUE_SORT_FIELDS, params.get('sort'));
  const direction = oneOf(['asc', 'desc'] as const, params.get('dir'));
  return {
    queue: oneOf(QUEUE_NAMES, params.get('queue')) ?? DEFAULT_QUEUE_STATE.queue,
    page: Number.isInteger(page) && page >= 1 && page <= MAX_PAGE ? page : 1,
    pageSize: oneOf(QUEUE_PAGE_SIZES, Number(params.get('size'))) ?? DEFAULT_QUEUE_STATE.pageSize,
    sort: field ? { field, direction: direction ?? defaultDirection(field) } : DEFAULT_QUEUE_STATE.sort,
  };
}

/** The URL form of a state, defaults left out: plain `/queue` is "my cases by priority". */
export function toQueueParams(state: QueueState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.queue !== DEFAULT_QUEUE_STATE.queue) params.set('queue', state.queue);
  const { sort } = state;
  if (
    sort.field !== DEFAULT_QUEUE_STATE.sort.field ||
    sort.direction !== DEFAULT_QUEUE_STATE.sort.direction
  ) {
    params.set('sort', sort.field);
    params.set('dir', sort.direction);
  }
  if (state.pageSize !== DEFAULT_QUEUE_STATE.pageSize) params.set('size', String(state.pageSize));
  if (state.page !== 1) params.set('page', String(state.page));
  return params;
}

export function toQueueListInput(state: QueueState): QueueListInput {
  return { queue: state.queue, page: state.page, pageSize: state.pageSize, sort: state.sort };
}

/** Another queue starts on its first page; the sort is kept, since it means the same in every queue. */
export function withQueue(state: QueueState, queue: Queue): QueueState {
  return { ...state, queue, page: 1 };
}

export function withSort(state: QueueState, sort: QueueState['sort']): QueueState {
  return { ...state, sort, page: 1 };
}

export function withPage(state: QueueState, page: number): QueueState {
  return { ...state, page: Math.min(Math.max(1, Math.trunc(page)), MAX_PAGE) };
}

export function withPageSize(state: QueueState, pageSize: number): QueueState {
  return { ...state, page: 1, pageSize: oneOf(QUEUE_PAGE_SIZES, pageSize) ?? DEFAULT_QUEUE_STATE.pageSize };
}

/** The queue table's paging steps (`useUrlPagedTable`). */
export const QUEUE_PAGING: PagingSteps<QueueSortField, QueueState> = {
  sortFields: QUEUE_SORT_FIELDS,
  withPage,
  withPageSize,
  withSort,
};

/** Sooner-workable first reads naturally; every other field reads biggest first. */
function defaultDirection(field: QueueSortField): 'asc' | 'desc' {
  return field === 'nextWorkableAt' ? 'asc' : 'desc';
}

function oneOf<const T extends string | number>(values: readonly T[], value: unknown): T | undefined {
  return (values as readonly unknown[]).includes(value) ? (value as T) : undefined;
}
