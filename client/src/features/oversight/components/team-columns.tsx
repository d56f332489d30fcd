import { formatMoney } from '@arrears/shared/domain/money';
import type { TeamCaseRow } from '@arrears/shared/schemas/supervision';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { createDataTableColumnHelper } from '../../../components/ui/data-table.tsx';
import { team } from '../../../i18n/en/team.ts';
import { registerEnglish } from '../../../i18n/i18n.ts';
import { createViewerFormats } from '../../../lib/format.ts';
import { useSessionUser } from '../../../lib/session.tsx';

registerEnglish({ team });

const column = createDataTableColumnHelper<TeamCaseRow>();

export interface TeamSelection {
  selected: { has: (caseId: string) => boolean };
  toggle: (row: TeamCaseRow, on: boolean) => void;
  /** Selects or clears every case of the page shown. */
  togglePage: (on: boolean) => void;
  pageState: 'all' | 'some' | 'none';
}

/** The team's cases with a checkbox each; the header checkbox selects the page. */
export function useTeamColumns(selection: TeamSelection) {
  const { t } = useTranslation();
  const { locale, timeZone } = useSessionUser();

  return useMemo(() => {
    const formats = createViewerFormats(locale, timeZone);
    return column.columns([
      column.display({
        id: 'select',
        header: () => (
          <input
            type="checkbox"
            aria-label={t('team.selectPage')}
            checked={selection.pageState === 'all'}
            ref={(element) => {
              if (element) element.indeterminate = selection.pageState === 'some';
            }}
            onChange={(event) => selection.togglePage(event.target.checked)}
          />
        ),
        cell: ({ row }) => (
          <input
            type="checkbox"
            aria-label={t('team.selectCase', { accountRef: row.original.accountRef })}
            checked={selection.selected.has(row.original.id)}
            onChange={(event) => selection.toggle(row.original, event.target.checked)}
          />
        ),
      }),
      column.accessor('accountRef', {
        header: t('team.column.case'),
        enableSorting: false,
        cell: ({ row }) => <Link to={`/cases/${row.original.id}`}>{row.original.accountRef}</Link>,
      }),
      column.accessor('debtorName', { header: t('team.column.debtor'), enableSorting: false }),
      column.accessor('balanceMinor', {
        header: t('team.column.balance'),
        enableSorting: false,
        cell: ({ row }) => formatMoney(row.original.balanceMinor, row.original.currency, locale),
        meta: { numeric: true },
      }),
      column.accessor('daysPastDue', {
        header: t('team.column.daysPastDue'),
        enableSorting: false,
        cell: ({ getValue }) => formats.integer(getValue()),
        meta: { numeric: true },
      }),
      column.accessor('bucket', {
        header: t('team.column.bucket'),
        enableSorting: false,
        cell: ({ getValue }) => t(`enums.bucket.${getValue()}`),
      }),
      column.accessor('stage', {
        header: t('team.column.stage'),
        enableSorting: false,
        cell: ({ getValue }) => t(`enums.stage.${getValue()}`),
      }),
      column.accessor('assignedAgent', {
        header: t('team.column.agent'),
        enableSorting: false,
        cell: ({ getValue }) => getValue()?.name ?? <span className="muted">{t('team.pool')}</span>,
      }),
    ]);
  }, [t, locale, timeZone, selection]);
}
