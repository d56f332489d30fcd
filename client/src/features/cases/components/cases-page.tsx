import type { CaseRow } from '@arrears/shared/schemas/cases';
import { Trans, useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/ui/data-table.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { QueryStatus } from '../../../components/ui/query-status.tsx';
import { useUrlPagedTable } from '../../../hooks/use-url-paged-table.ts';
import { countParams } from '../../../lib/format.ts';
import { useSessionUser } from '../../../lib/session.tsx';
import { useCasesQuery } from '../api/use-cases-query.ts';
import {
  CASE_PAGING,
  DEFAULT_SORT,
  hasFilters,
  PAGE_SIZES,
  toCaseListInput,
  withFilter,
  withoutFilters,
  withSort,
} from '../hooks/case-list-params.ts';
import { useCaseListParams } from '../hooks/use-case-list-params.ts';
import { useCaseColumns } from './case-columns.tsx';
import { CaseFilters } from './case-filters.tsx';

const caseId = (row: CaseRow) => row.id;

export function CasesPage() {
  const { t } = useTranslation();
  const { locale } = useSessionUser();
  const [state, update] = useCaseListParams();
  const cases = useCasesQuery(toCaseListInput(state));
  const columns = useCaseColumns();
  const { data } = cases;

  const paging = useUrlPagedTable(state, update, CASE_PAGING, {
    total: data?.total,
    settled: !cases.isPlaceholderData,
  });
  const clearFilters = () => update(withoutFilters);
  const isEmpty = data !== undefined && data.total === 0 && !cases.isPlaceholderData;

  return (
    <Page
      title={t('cases.pageTitle')}
      header={
        <p className="shortcut-hint">
          <Trans i18nKey="cases.searchHint" components={{ kbd: <kbd /> }} />
        </p>
      }
    >
      <CaseFilters
        filter={state.filter}
        onChange={(patch) => update((current) => withFilter(current, patch))}
        onClear={clearFilters}
      />

      <div className="table-toolbar">
        <p role="status" className="list-status">
          {cases.isFetching ? t('cases.loading') : ''}
        </p>
        {state.sort.field !== DEFAULT_SORT.field && (
          <button
            type="button"
            className="button button-quiet"
            onClick={() => update((c) => withSort(c, DEFAULT_SORT))}
          >
            {t('cases.sortByPriority')}
          </button>
        )}
      </div>

      <QueryStatus query={cases} failedKey="cases.loadFailed" retryKey="cases.retry" />

      {isEmpty && (
        <div className="notice">
          <p>{hasFilters(state.filter) ? t('cases.empty') : t('cases.emptyUnfiltered')}</p>
          {hasFilters(state.filter) && (
            <button type="button" className="button" onClick={clearFilters}>
              {t('cases.clearFilters')}
            </button>
          )}
        </div>
      )}

      {data && !isEmpty && (
        <DataTable
          label={t('cases.tableLabel')}
          columns={columns}
          rows={data.rows}
          getRowId={caseId}
          {...paging}
          pageSizeOptions={PAGE_SIZES}
          rowCount={data.total}
          rowCountLabel={t('pager.total', countParams(data.total, locale))}
          stale={cases.isPlaceholderData}
        />
      )}
    </Page>
  );
}
