import { COMPLAINT_CHANNELS } from '@arrears/shared/schemas/casework';
import type { ComplaintRow } from '@arrears/shared/schemas/supervision';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/ui/badge.tsx';
import { createDataTableColumnHelper } from '../../../components/ui/data-table.tsx';
import { complaints } from '../../../i18n/en/complaints.ts';
import { registerEnglish } from '../../../i18n/i18n.ts';
import { createViewerFormats } from '../../../lib/format.ts';
import { useSessionUser } from '../../../lib/session.tsx';
import { CaseCell } from './case-cell.tsx';

registerEnglish({ complaints });

const column = createDataTableColumnHelper<ComplaintRow>();

export type ComplaintAction = { row: ComplaintRow; action: 'assign' | 'investigate' | 'resolve' };

/** The complaints table; the actions column only for those who work complaints (a team's supervisor). */
export function useComplaintsColumns(canWork: boolean, onAction: (action: ComplaintAction) => void) {
  const { t } = useTranslation();
  const { locale, timeZone } = useSessionUser();

  return useMemo(() => {
    const formats = createViewerFormats(locale, timeZone);
    const channelLabel = (channel: string) =>
      (COMPLAINT_CHANNELS as readonly string[]).includes(channel)
        ? t(`actions.complaintChannel.${channel as (typeof COMPLAINT_CHANNELS)[number]}`)
        : channel;
    const columns = [
      column.accessor('receivedAt', {
        header: t('complaints.column.received'),
        enableSorting: false,
        cell: ({ getValue, row }) => (
          <>
            <time dateTime={getValue()}>{formats.instant(getValue())}</time>
            <br />
            <span className="muted">{channelLabel(row.original.channel)}</span>
          </>
        ),
      }),
      column.accessor('accountRef', {
        header: t('complaints.column.case'),
        enableSorting: false,
        cell: ({ row }) => <CaseCell {...row.original} />,
      }),
      column.accessor('agent', {
        header: t('complaints.column.agent'),
        enableSorting: false,
        cell: ({ getValue }) => getValue()?.name ?? <span className="muted">{t('complaints.noAgent')}</span>,
      }),
      column.accessor('description', {
        header: t('complaints.column.description'),
        enableSorting: false,
        cell: ({ row }) => (
          <>
            <p className="complaints-text">{row.original.description}</p>
            {row.original.resolution && (
              <p className="complaints-text">
                <strong>{t('complaints.resolutionLabel')}</strong> {row.original.resolution}
              </p>
            )}
          </>
        ),
      }),
      column.accessor('status', {
        header: t('complaints.column.status'),
        enableSorting: false,
        cell: ({ getValue }) => (
          <Badge
            tone={getValue() === 'resolved' ? 'good' : getValue() === 'investigating' ? 'info' : 'neutral'}
          >
            {t(`complaints.status.${getValue()}`)}
          </Badge>
        ),
      }),
      column.accessor('assignedTo', {
        header: t('complaints.column.assignedTo'),
        enableSorting: false,
        cell: ({ getValue }) =>
          getValue()?.name ?? <span className="muted">{t('complaints.unassigned')}</span>,
      }),
      column.accessor('resolveBy', {
        header: t('complaints.column.target'),
        enableSorting: false,
        cell: ({ row }) => {
          const c = row.original;
          return (
            <span className={c.overdue ? 'complaints-overdue' : undefined}>
              {t(c.resolvedAt ? 'complaints.ageResolved' : 'complaints.age', { count: c.ageDays })}
              <br />
              {t('complaints.due', { date: formats.instant(c.resolveBy) })}{' '}
              {c.overdue && <Badge tone="danger">{t('complaints.overdue')}</Badge>}
            </span>
          );
        },
      }),
    ];
    if (!canWork) return column.columns(columns);
    return column.columns([
      ...columns,
      column.display({
        id: 'actions',
        header: t('complaints.column.actions'),
        cell: ({ row }) => {
          const c = row.original;
          if (c.status === 'resolved') return null;
          const ref = { accountRef: c.accountRef };
          return (
            <div className="complaints-actions">
              <button
                type="button"
                className="button"
                aria-label={t('complaints.assignLabel', ref)}
                onClick={() => onAction({ row: c, action: 'assign' })}
              >
                {t('complaints.assign')}
              </button>
              {c.status === 'open' && (
                <button
                  type="button"
                  className="button"
                  aria-label={t('complaints.investigateLabel', ref)}
                  onClick={() => onAction({ row: c, action: 'investigate' })}
                >
                  {t('complaints.investigate')}
                </button>
              )}
              <button
                type="button"
                className="button button-primary"
                aria-label={t('complaints.resolveLabel', ref)}
                onClick={() => onAction({ row: c, action: 'resolve' })}
              >
                {t('complaints.resolve')}
              </button>
            </div>
          );
        },
      }),
    ]);
  }, [t, locale, timeZone, canWork, onAction]);
}
