import { formatMoney } from '@arrears/shared/domain/money';
import type { QueueRow } from '@arrears/shared/schemas/queues';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { createDataTableColumnHelper } from '../../../components/ui/data-table.tsx';
import { createViewerFormats } from '../../../lib/format.ts';
import { useSessionUser } from '../../../lib/session.tsx';
import type { OptionalQueueColumn } from '../hooks/queue-columns-choice.ts';
import { WorkableCell } from './workable-cell.tsx';

const column = createDataTableColumnHelper<QueueRow>();

/**
 * The queue's columns in the viewer's locale and zone; sortable ones carry the server's sort field as their
 * id. Hidden optional columns are left out of the list (the data table shows what it is given).
 */
export function useQueueColumns(hidden: readonly OptionalQueueColumn[]) {
  const { t } = useTranslation();
  const { locale, timeZone } = useSessionUser();

  return useMemo(() => {
    const formats = createViewerFormats(locale, timeZone);
    const all = column.columns([
      column.accessor('accountRef', {
        id: 'accountRef',
        header: t('queue.column.accountRef'),
        enableSorting: false,
        cell: ({ row }) => (
          <Link className="row-link" to={`/cases/${row.original.id}`}>
            {row.original.accountRef}
          </Link>
        ),
      }),
      column.accessor('debtorName', {
        id: 'debtorName',
        header: t('queue.column.debtor'),
        enableSorting: false,
      }),
      column.accessor('balanceMinor', {
        id: 'balance',
        header: t('queue.column.balance'),
        cell: ({ row }) => formatMoney(row.original.balanceMinor, row.original.currency, locale),
        sortDescFirst: true,
        meta: { numeric: true, sortLabel: t('queue.sortBy.balance') },
      }),
      column.accessor('daysPastDue', {
        id: 'daysPastDue',
        header: t('queue.column.daysPastDue'),
        cell: ({ getValue }) => formats.integer(getValue()),
        sortDescFirst: true,
        meta: { numeric: true, sortLabel: t('queue.sortBy.daysPastDue') },
      }),
      column.accessor('bucket', {
        id: 'bucket',
        header: t('queue.column.bucket'),
        cell: ({ getValue }) => t(`enums.bucket.${getValue()}`),
        enableSorting: false,
      }),
      column.accessor('stage', {
        id: 'stage',
        header: t('queue.column.stage'),
        cell: ({ getValue }) => t(`enums.stage.${getValue()}`),
        enableSorting: false,
      }),
      column.accessor('priority', {
        id: 'priority',
        header: t('queue.column.priority'),
        cell: ({ getValue }) => formats.integer(getValue()),
        sortDescFirst: true,
        meta: { numeric: true, sortLabel: t('queue.sortBy.priority') },
      }),
      column.accessor('lastContactAt', {
        id: 'lastContactAt',
        header: t('queue.column.lastContact'),
        enableSorting: false,
        cell: ({ getValue }) => {
          const at = getValue();
          return at ? (
            <time dateTime={at}>{formats.instant(at)}</time>
          ) : (
            <span className="muted">{t('queue.never')}</span>
          );
        },
      }),
      column.accessor('claim', {
        id: 'claim',
        header: t('queue.column.claim'),
        enableSorting: false,
        cell: ({ getValue }) => {
          const claim = getValue();
          return claim ? t(`queue.claim.${claim}`) : '';
        },
      }),
      column.accessor('nextWorkableAt', {
        id: 'nextWorkableAt',
        header: t('queue.column.workable'),
        cell: ({ row }) => <WorkableCell row={row.original} />,
        sortDescFirst: false,
        meta: { sortLabel: t('queue.sortBy.nextWorkableAt') },
      }),
    ]);
    // Every column has an explicit id: the sort field for sortable ones, the choice key for optional ones.
    return all.filter((def) => !(hidden as readonly string[]).includes(def.id ?? ''));
  }, [t, locale, timeZone, hidden]);
}
