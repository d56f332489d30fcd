import type { Bucket } from '@arrears/shared/domain/enums';
import { minorDigits } from '@arrears/shared/domain/money';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { en } from '../../../i18n/en/index.ts';
import { reports } from '../../../i18n/en/reports.ts';
import { registerEnglish } from '../../../i18n/i18n.ts';
import type { ReportRows } from '../api/use-reports.ts';

registerEnglish({ reports });

export type ColumnKey = keyof (typeof en)['reports']['columns'];

/** Every figure of a report as a table: the accessible form of the chart, and what the CSV holds. */
export function ReportTable({
  rows,
  caption,
  locale,
  stale,
}: {
  rows: ReportRows;
  caption: string;
  locale: string;
  stale: boolean;
}) {
  const { t } = useTranslation();
  const [page, setPage] = useState(0);
  const pageCount = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const current = Math.min(page, pageCount - 1);
  const shown = rows.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE);
  const columns = Object.keys(rows[0] ?? {}).filter((key) => !key.endsWith('Id'));
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  // One currency formatter per currency: building an Intl formatter per cell costs seconds on a long table.
  const moneyFormats = new Map<string, Intl.NumberFormat>();
  const money = (amountMinor: number, currency: string) => {
    let format = moneyFormats.get(currency);
    if (!format) {
      format = new Intl.NumberFormat(locale, { style: 'currency', currency });
      moneyFormats.set(currency, format);
    }
    return format.format(amountMinor / 10 ** minorDigits(currency));
  };
  const numeric = (key: string) => key !== 'monthsSince' && typeof rows[0]?.[key] === 'number';

  const show = (key: string, row: Record<string, unknown>): string => {
    const value = row[key];
    if (key === 'agentName' && value === null) return t('reports.unassigned');
    if (key === 'teamName' && value === null) return t('reports.noTeam');
    if (value === null || value === undefined) return '—';
    if (key === 'fromBucket' || key === 'toBucket') return bucketLabel(t, String(value));
    if (typeof value !== 'number') return String(value);
    if (key.endsWith('Minor')) return money(value, String(row.currency));
    if (key.endsWith('Rate')) return percent.format(value);
    if (key === 'contactsPerThousand') return decimal.format(value);
    return integer.format(value);
  };

  return (
    <>
      {/* A scrolling box must be reachable by keyboard to be scrolled (axe: scrollable-region-focusable). */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a focusable named region is the pattern for a scrolling table */}
      <section className="data-table data-table-scroll report-table" tabIndex={0} aria-label={caption}>
        <table className={stale ? 'is-stale' : undefined}>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              {columns.map((key) => (
                <th key={key} scope="col" className={numeric(key) ? 'numeric' : undefined}>
                  {t(`reports.columns.${key as ColumnKey}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row, i) => (
              // Report rows have no id of their own; their order is fixed by the server.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <tr key={i}>
                {columns.map((key) => (
                  <td key={key} className={numeric(key) ? 'numeric' : undefined}>
                    {show(key, row)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {pageCount > 1 && (
        <nav className="pager" aria-label={t('reports.tablePages')}>
          <button
            type="button"
            className="button"
            disabled={current === 0}
            onClick={() => setPage(current - 1)}
          >
            {t('reports.previousRows')}
          </button>
          <span className="pager-page">
            {t('reports.rowsOf', {
              first: current * PAGE_SIZE + 1,
              last: current * PAGE_SIZE + shown.length,
              total: rows.length,
            })}
          </span>
          <button
            type="button"
            className="button"
            disabled={current >= pageCount - 1}
            onClick={() => setPage(current + 1)}
          >
            {t('reports.nextRows')}
          </button>
        </nav>
      )}
    </>
  );
}

/** Rows per table page: a long report stays quick to draw; the CSV has every row at once. */
const PAGE_SIZE = 100;

export function bucketLabel(t: TFunction, bucket: string): string {
  if (bucket === 'new' || bucket === 'closed') return t(`reports.buckets.${bucket}`);
  return t(`enums.bucket.${bucket as Bucket}`);
}
