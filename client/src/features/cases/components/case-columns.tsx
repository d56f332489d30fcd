import { formatMoney } from '@arrears/shared/domain/money';
import type { CaseRow, CaseSortField } from '@arrears/shared/schemas/cases';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { createDataTableColumnHelper } from '../../../components/ui/data-table.tsx';
import { createViewerFormats } from '../../../lib/format.ts';
import { useSessionUser } from '../../../lib/session.tsx';

const column = createDataTableColumnHelper<CaseRow>();

/** Sortable columns carry the server's sort field as their id, so a header click becomes a `cases.list` sort. */
function sortId(field: CaseSortField): CaseSortField {
  return field;
}

/** The case list's columns, formatted in the viewer's locale and time zone. */
export function useCaseColumns() {
  const { t } = useTranslation();
  const { locale, timeZone } = useSessionUser();

  return useMemo(() => {
    const formats = createViewerFormats(locale, timeZone);
    return column.columns([
      column.accessor('accountRef', {
        id: sortId('accountRef'),
        header: t('cases.column.accountRef'),
        // The account reference opens the case screen.
        cell: ({ row }) => <Link to={`/cases/${row.original.id}`}>{row.original.accountRef}</Link>,
        sortDescFirst: false,
        meta: { sortLabel: t('cases.sortBy.accountRef') },
      }),
      column.accessor('debtorName', { header: t('cases.column.debtor'), enableSorting: false }),
      column.accessor('portfolioName', { header: t('cases.column.portfolio'), enableSorting: false }),
      column.accessor('balanceMinor', {
        id: sortId('balance'),
        header: t('cases.column.balance'),
        cell: ({ row }) => formatMoney(row.original.balanceMinor, row.original.currency, locale),
        sortDescFirst: true,
        meta: { numeric: true, sortLabel: t('cases.sortBy.balance') },
      }),
      column.accessor('daysPastDue', {
        id: sortId('daysPastDue'),
        header: t('cases.column.daysPastDue'),
        cell: ({ getValue }) => formats.integer(getValue()),
        sortDescFirst: true,
        meta: { numeric: true, sortLabel: t('cases.sortBy.daysPastDue') },
      }),
      column.accessor('dueDate', {
        id: sortId('dueDate'),
        header: t('cases.column.dueDate'),
        cell: ({ getValue }) => <time dateTime={getValue()}>{formats.calendarDate(getValue())}</time>,
        sortDescFirst: false,
        meta: { sortLabel: t('cases.sortBy.dueDate') },
      }),
      column.accessor('bucket', {
        header: t('cases.column.bucket'),
        cell: ({ getValue }) => t(`enums.bucket.${getValue()}`),
        enableSorting: false,
      }),
      column.accessor('stage', {
        header: t('cases.column.stage'),
        cell: ({ getValue }) => t(`enums.stage.${getValue()}`),
        enableSorting: false,
      }),
      column.accessor('status', {
        header: t('cases.column.status'),
        cell: ({ getValue }) => t(`enums.status.${getValue()}`),
        enableSorting: false,
      }),
      column.accessor('assignedAgentName', {
        id: 'agent',
        header: t('cases.column.agent'),
        cell: ({ getValue }) => getValue() ?? <span className="muted">{t('cases.teamPool')}</span>,
        enableSorting: false,
      }),
      column.accessor('lastContactAt', {
        id: sortId('lastContactAt'),
        header: t('cases.column.lastContact'),
        cell: ({ getValue }) => {
          const at = getValue();
          return at ? (
            <time dateTime={at}>{formats.instant(at)}</time>
          ) : (
            <span className="muted">{t('cases.never')}</span>
          );
        },
        sortDescFirst: true,
        meta: { sortLabel: t('cases.sortBy.lastContactAt') },
      }),
    ]);
  }, [t, locale, timeZone]);
}
