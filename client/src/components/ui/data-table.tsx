import {
  type ColumnSort,
  createColumnHelper,
  functionalUpdate,
  type PaginationState,
  type RowData,
  rowPaginationFeature,
  rowSortingFeature,
  type SortingState,
  type TableOptions,
  tableFeatures,
  useTable,
} from '@tanstack/react-table';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Options } from './options.tsx';

export interface DataTableColumnMeta {
  /** Numbers and money: right-aligned, tabular figures. */
  numeric?: boolean;
  /** Accessible name of a sortable column's header button, e.g. "Sort by balance". */
  sortLabel?: string;
}

/** Sorting and paging are done by the server (manual mode): the table renders one page as it arrives. */
export const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  rowPaginationFeature,
  columnMeta: {} as DataTableColumnMeta,
});
type DataTableFeatures = typeof dataTableFeatures;

export function createDataTableColumnHelper<TRow extends RowData>() {
  return createColumnHelper<DataTableFeatures, TRow>();
}

export interface DataTableProps<TRow extends RowData> {
  /** The table's accessible name. */
  label: string;
  /** Must be stable between renders (module scope or memoized). */
  columns: TableOptions<DataTableFeatures, TRow>['columns'];
  rows: ReadonlyArray<TRow>;
  getRowId: (row: TRow) => string;
  sort: ColumnSort;
  onSortChange: (sort: ColumnSort) => void;
  pagination: PaginationState;
  onPaginationChange: (pagination: PaginationState) => void;
  pageSizeOptions: readonly number[];
  /** Total rows on the server across all pages. */
  rowCount: number;
  /** Shown in the pager beside the page number, e.g. "1,234 cases". */
  rowCountLabel: string;
  /** True while the rows shown are a previous answer and a new one is on its way. */
  stale: boolean;
}

export function DataTable<TRow extends RowData>(props: DataTableProps<TRow>) {
  const { t } = useTranslation();
  const pageSizeId = useId();
  const sorting: SortingState = [props.sort];
  const table = useTable({
    features: dataTableFeatures,
    columns: props.columns,
    data: props.rows,
    getRowId: props.getRowId,
    state: { sorting, pagination: props.pagination },
    manualSorting: true,
    manualPagination: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
    rowCount: props.rowCount,
    onSortingChange: (updater) => {
      const [next] = functionalUpdate(updater, sorting);
      if (next) props.onSortChange(next);
    },
    onPaginationChange: (updater) => props.onPaginationChange(functionalUpdate(updater, props.pagination)),
  });
  const pageCount = Math.max(1, table.getPageCount());

  return (
    <div className="data-table">
      <div className="data-table-scroll">
        <table
          aria-label={props.label}
          aria-busy={props.stale}
          className={props.stale ? 'is-stale' : undefined}
        >
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const meta = header.column.columnDef.meta;
                  const numeric = meta?.numeric ? 'numeric' : undefined;
                  if (header.isPlaceholder) return <th key={header.id} className={numeric} />;
                  if (!header.column.getCanSort()) {
                    return (
                      <th key={header.id} scope="col" className={numeric}>
                        <table.FlexRender header={header} />
                      </th>
                    );
                  }
                  const direction = header.column.getIsSorted();
                  const ariaSort =
                    direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none';
                  return (
                    <th key={header.id} scope="col" className={numeric} aria-sort={ariaSort}>
                      <button
                        type="button"
                        className="sort-button"
                        aria-label={meta?.sortLabel}
                        onClick={header.column.getToggleSortingHandler()}
                      >
                        <table.FlexRender header={header} />
                        <span
                          className="sort-indicator"
                          aria-hidden="true"
                          data-direction={direction || 'none'}
                        >
                          {direction === 'asc' ? '▲' : direction === 'desc' ? '▼' : '↕'}
                        </span>
                      </button>
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id}>
                {row.getAllCells().map((cell) => (
                  <td key={cell.id} className={cell.column.columnDef.meta?.numeric ? 'numeric' : undefined}>
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav className="pager" aria-label={t('pager.label')}>
        <button
          type="button"
          className="button"
          onClick={() => table.previousPage()}
          disabled={!table.getCanPreviousPage()}
        >
          {t('pager.previous')}
        </button>
        <p role="status" className="pager-page">
          {t('pager.pageOf', { page: props.pagination.pageIndex + 1, pageCount })}
        </p>
        <button
          type="button"
          className="button"
          onClick={() => table.nextPage()}
          disabled={!table.getCanNextPage()}
        >
          {t('pager.next')}
        </button>
        <p className="pager-total">{props.rowCountLabel}</p>
        <div className="pager-size">
          <label htmlFor={pageSizeId}>{t('pager.pageSize')}</label>
          <select
            id={pageSizeId}
            value={props.pagination.pageSize}
            onChange={(event) => table.setPageSize(Number(event.target.value))}
          >
            <Options values={props.pageSizeOptions} label={String} />
          </select>
        </div>
      </nav>
    </div>
  );
}
