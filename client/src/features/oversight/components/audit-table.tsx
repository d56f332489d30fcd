import type { AuditRow } from '@arrears/shared/schemas/oversight';
import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge } from '../../../components/ui/badge.tsx';
import type { DataTableColumnMeta } from '../../../components/ui/data-table.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { createViewerFormats } from '../../../lib/format.ts';
import { usePunctuation } from '../../../lib/punctuation.ts';
import { useSessionUser } from '../../../lib/session.tsx';
import { ReviewForm } from './review-form.tsx';

const features = tableFeatures({ columnMeta: {} as DataTableColumnMeta });
const column = createColumnHelper<typeof features, AuditRow>();

/** The outcome in words, with a tone that repeats it. */
export function OutcomeBadge({ outcome }: { outcome: string }) {
  const { t } = useTranslation();
  const tone = outcome === 'blocked' ? 'danger' : outcome === 'overridden' ? 'warning' : 'neutral';
  return <Badge tone={tone}>{t(`audit.outcome.${outcome}`, { defaultValue: outcome })}</Badge>;
}

export function ReviewStatus({ review }: { review: AuditRow['review'] }) {
  const { t } = useTranslation();
  if (!review) return <span className="muted">{t('audit.review.none')}</span>;
  return (
    <span title={review.note}>
      <Badge tone="good">{t('audit.review.by', { name: review.reviewerName })}</Badge>
    </span>
  );
}

/** One page of the audit as a table: each decision opens to its detail, each contact can be reviewed here. */
export function AuditTable({ rows, stale }: { rows: AuditRow[]; stale: boolean }) {
  const { t } = useTranslation();
  const punctuation = usePunctuation();
  const { locale, timeZone } = useSessionUser();
  const [reviewing, setReviewing] = useState<AuditRow | null>(null);

  const columns = useMemo(() => {
    const formats = createViewerFormats(locale, timeZone);
    return column.columns([
      column.accessor('at', {
        header: t('audit.column.at'),
        cell: ({ getValue }) => <time dateTime={getValue()}>{formats.instant(getValue())}</time>,
      }),
      column.accessor('accountRef', {
        header: t('audit.column.case'),
        cell: ({ row }) => <Link to={`/cases/${row.original.caseId}`}>{row.original.accountRef}</Link>,
      }),
      column.accessor('agentName', {
        header: t('audit.column.agent'),
        cell: ({ getValue }) => getValue() ?? <span className="muted">{t('audit.system')}</span>,
      }),
      column.accessor('actionKind', {
        header: t('audit.column.channel'),
        cell: ({ row }) =>
          row.original.direction === 'inbound'
            ? punctuation.aside(t(`audit.channel.${row.original.actionKind}`), t('audit.inbound'))
            : t(`audit.channel.${row.original.actionKind}`),
      }),
      column.accessor('outcome', {
        header: t('audit.column.outcome'),
        cell: ({ getValue }) => <OutcomeBadge outcome={getValue()} />,
      }),
      column.accessor('ruleIds', {
        header: t('audit.column.rules'),
        cell: ({ getValue }) =>
          getValue().length === 0 ? (
            <span className="muted">—</span>
          ) : (
            <code>{getValue().join(punctuation.items)}</code>
          ),
      }),
      column.accessor('review', {
        header: t('audit.column.review'),
        cell: ({ getValue }) => <ReviewStatus review={getValue()} />,
      }),
      column.display({
        id: 'open',
        header: t('audit.column.actions'),
        cell: ({ row }) => {
          const r = row.original;
          const decisionId = r.kind === 'decisions' ? r.id : r.decisionId;
          return (
            <span className="audit-row-actions">
              {decisionId !== null && (
                <Link
                  to={`/compliance/audit/decisions/${decisionId}`}
                  aria-label={t('audit.openDecisionOf', { ref: r.accountRef, id: decisionId })}
                >
                  {t('audit.openDecision')}
                </Link>
              )}
              {r.kind === 'contacts' && (
                <button
                  type="button"
                  className="button button-quiet"
                  aria-label={t('audit.reviewContactOf', { ref: r.accountRef, id: r.id })}
                  onClick={() => setReviewing(r)}
                >
                  {t('audit.review.action')}
                </button>
              )}
            </span>
          );
        },
      }),
    ]);
  }, [t, punctuation, locale, timeZone]);

  const table = useTable({ features, columns, data: rows, getRowId: (row) => `${row.kind}-${row.id}` });

  return (
    <>
      <div className="data-table">
        <div className="data-table-scroll">
          <table
            aria-label={t('audit.tableLabel')}
            aria-busy={stale}
            className={stale ? 'is-stale' : undefined}
          >
            <thead>
              {table.getHeaderGroups().map((group) => (
                <tr key={group.id}>
                  {group.headers.map((header) => (
                    <th key={header.id} scope="col">
                      <table.FlexRender header={header} />
                    </th>
                  ))}
                </tr>
              ))}
            </thead>
            <tbody>
              {table.getRowModel().rows.map((row) => (
                <tr key={row.id}>
                  {row.getAllCells().map((cell) => (
                    <td key={cell.id}>
                      <table.FlexRender cell={cell} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      <Dialog
        open={reviewing !== null}
        onClose={() => setReviewing(null)}
        title={t('audit.review.contactTitle', { ref: reviewing?.accountRef ?? '' })}
      >
        {reviewing && <ReviewForm target="contact" id={reviewing.id} onDone={() => setReviewing(null)} />}
      </Dialog>
    </>
  );
}
