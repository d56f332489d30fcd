import type { ColumnSort, PaginationState } from '@tanstack/react-table';
import { useEffect } from 'react';
import type { UrlStateOptions } from '../lib/url-state.ts';

interface PagedState<F extends string> {
  page: number;
  pageSize: number;
  sort: { field: F; direction: 'asc' | 'desc' };
}

/** A list's own paging steps, each keeping to the list's limits. */
export interface PagingSteps<F extends string, S extends PagedState<F>> {
  /** The columns the server sorts by; a header of another column does not sort. */
  sortFields: readonly F[];
  withPage: (state: S, page: number) => S;
  withPageSize: (state: S, pageSize: number) => S;
  withSort: (state: S, sort: PagedState<F>['sort']) => S;
}

interface LoadedRows {
  /** How many rows the server counts; undefined while the first page loads. */
  total: number | undefined;
  /** The rows shown are the ones asked for, not the previous ones kept while these load. */
  settled: boolean;
}

/**
 * The DataTable's sort and pagination props for a server-paged list whose page, size and sort live in the URL.
 * A page past the end (the list shrank since the link was made) is replaced by the last one.
 */
export function useUrlPagedTable<F extends string, S extends PagedState<F>>(
  state: S,
  update: (change: (state: S) => S, options?: UrlStateOptions) => void,
  { sortFields, withPage, withPageSize, withSort }: PagingSteps<F, S>,
  { total, settled }: LoadedRows,
) {
  const lastPage = total === undefined ? 1 : Math.max(1, Math.ceil(total / state.pageSize));
  const pastTheEnd = settled && total !== undefined && total > 0 && state.page > lastPage;
  useEffect(() => {
    if (pastTheEnd) update((current) => withPage(current, lastPage), { replace: true });
  }, [pastTheEnd, lastPage, update, withPage]);

  return {
    sort: { id: state.sort.field, desc: state.sort.direction === 'desc' } satisfies ColumnSort,
    onSortChange: (next: ColumnSort) => {
      const field = sortFields.find((candidate) => candidate === next.id);
      if (field) update((current) => withSort(current, { field, direction: next.desc ? 'desc' : 'asc' }));
    },
    pagination: { pageIndex: state.page - 1, pageSize: state.pageSize } satisfies PaginationState,
    onPaginationChange: (next: PaginationState) =>
      update((current) =>
        next.pageSize !== current.pageSize
          ? withPageSize(current, next.pageSize)
          : withPage(current, next.pageIndex + 1),
      ),
  };
}
