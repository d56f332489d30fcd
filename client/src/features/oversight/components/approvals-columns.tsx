import { elapsedDays } from '@arrears/shared/domain/calendar';
import { formatMoney } from '@arrears/shared/domain/money';
import type { ApprovalRow } from '@arrears/shared/schemas/supervision';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/ui/badge.tsx';
import { createDataTableColumnHelper } from '../../../components/ui/data-table.tsx';
import { createViewerFormats } from '../../../lib/format.ts';
import { usePunctuation } from '../../../lib/punctuation.ts';
import { useSessionUser } from '../../../lib/session.tsx';
import { ApprovalsVerdict } from './approvals-verdict.tsx';
import { CaseCell } from './case-cell.tsx';

const column = createDataTableColumnHelper<ApprovalRow>();

export type Decision = { row: ApprovalRow; approve: boolean };

/** The approvals table: the case facts, the request, the verdict (pending) or the decision (history). */
export function useApprovalsColumns(pending: boolean, onDecide: (decision: Decision) => void) {
  const { t } = useTranslation();
  const punctuation = usePunctuation();
  const { locale, timeZone } = useSessionUser();

  return useMemo(() => {
    const formats = createViewerFormats(locale, timeZone);
    // An approval allows one action and lapses unused (decision record 026): say which became of it.
    const approvalUse = ({ usedAt, expiresAt }: ApprovalRow) => {
      const at = usedAt ?? expiresAt;
      if (at === null) return null;
      const key = usedAt ? 'used' : new Date(at).getTime() > Date.now() ? 'usableUntil' : 'lapsed';
      return <p className="muted">{t(`approvals.use.${key}`, { time: formats.instant(at) })}</p>;
    };
    const age = (iso: string) => Math.max(0, elapsedDays(new Date(iso), Date.now()));
    const common = [
      column.accessor('requestedAt', {
        header: t('approvals.column.requested'),
        enableSorting: false,
        cell: ({ getValue }) => (
          <>
            <time dateTime={getValue()}>{formats.instant(getValue())}</time>
            <br />
            <span className="muted">{t('approvals.age', { count: age(getValue()) })}</span>
          </>
        ),
      }),
      column.accessor('accountRef', {
        header: t('approvals.column.case'),
        enableSorting: false,
        cell: ({ row }) => <CaseCell {...row.original} />,
      }),
      column.accessor('balanceMinor', {
        header: t('approvals.column.balance'),
        enableSorting: false,
        cell: ({ row }) => formatMoney(row.original.balanceMinor, row.original.currency, locale),
        meta: { numeric: true },
      }),
      column.accessor('daysPastDue', {
        header: t('approvals.column.daysPastDue'),
        enableSorting: false,
        cell: ({ getValue }) => formats.integer(getValue()),
        meta: { numeric: true },
      }),
      column.accessor('stage', {
        header: t('approvals.column.stage'),
        enableSorting: false,
        cell: ({ getValue }) => t(`enums.stage.${getValue()}`),
      }),
      column.accessor('kind', {
        header: t('approvals.column.kind'),
        enableSorting: false,
        cell: ({ getValue }) => t(`approvals.kind.${getValue()}`),
      }),
      column.accessor('requestReason', {
        header: t('approvals.column.request'),
        enableSorting: false,
        cell: ({ row }) => (
          <>
            <strong>{row.original.requestedBy.name}</strong>
            <p className="approvals-reason">{row.original.requestReason}</p>
          </>
        ),
      }),
    ];
    if (!pending) {
      return column.columns([
        ...common,
        column.accessor('status', {
          header: t('approvals.column.decision'),
          enableSorting: false,
          cell: ({ row }) => (
            <>
              <Badge tone={row.original.status === 'approved' ? 'good' : 'danger'}>
                {t(`approvals.status.${row.original.status}`)}
              </Badge>{' '}
              {row.original.decidedBy?.name}
              {row.original.decidedAt && (
                <>
                  {punctuation.separator}
                  <time dateTime={row.original.decidedAt}>{formats.instant(row.original.decidedAt)}</time>
                </>
              )}
              <p className="approvals-reason">{row.original.decisionReason}</p>
              {approvalUse(row.original)}
            </>
          ),
        }),
      ]);
    }
    return column.columns([
      ...common,
      column.accessor('verdict', {
        header: t('approvals.column.verdict'),
        enableSorting: false,
        cell: ({ row }) => <ApprovalsVerdict verdict={row.original.verdict} />,
      }),
      column.display({
        id: 'actions',
        header: t('approvals.column.actions'),
        cell: ({ row }) => {
          const what = {
            kind: t(`actions.escalation.${row.original.kind}`),
            accountRef: row.original.accountRef,
          };
          return (
            <div className="approvals-actions">
              <button
                type="button"
                className="button button-primary"
                aria-label={t('approvals.approveLabel', what)}
                onClick={() => onDecide({ row: row.original, approve: true })}
              >
                {t('approvals.approve')}
              </button>
              <button
                type="button"
                className="button"
                aria-label={t('approvals.rejectLabel', what)}
                onClick={() => onDecide({ row: row.original, approve: false })}
              >
                {t('approvals.reject')}
              </button>
            </div>
          );
        },
      }),
    ]);
  }, [t, punctuation, locale, timeZone, pending, onDecide]);
}
