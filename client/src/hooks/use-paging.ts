import type { PaginationState } from '@tanstack/react-table';
import { useCallback, useState } from 'react';

/**
 * The page of a server-paged table: its number (from 1) and size, and the DataTable's pagination props. A new
 * page size, like a new filter (`restart`), starts again from the first page.
 */
export function usePaging(initialPageSize: number) {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(initialPageSize);
  const restart = useCallback(() => setPage(1), []);
  return {
    page,
    pageSize,
    restart,
    table: {
      pagination: { pageIndex: page - 1, pageSize },
      onPaginationChange: (next: PaginationState) => {
        if (next.pageSize !== pageSize) {
          setPageSize(next.pageSize);
          setPage(1);
        } else setPage(next.pageIndex + 1);
      },
    },
  };
}
