import type { Bucket } from '@arrears/shared/domain/enums';
import { formatMoney } from '@arrears/shared/domain/money';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { en } from '../../../i18n/en.ts';
import type { ReportRows } from '../api/use-reports.ts';

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
  const columns = Object.keys(rows[0] ?? {}).filter((key) => !key.endsWith('Id'));
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const numeric = (key: string) => key !== 'monthsSince' && typeof rows[0]?.[key] === 'number';

  const show = (key: string, row: Record<string, unknown>): string => {
    const value = row[key];
    if (key === 'agentName' && value === null) return t('reports.unassigned');
    if (key === 'teamName' && value === null) return t('reports.noTeam');
    if (value === null || value === undefined) return '—';
    if (key === 'fromBucket' || key === 'toBucket') return bucketLabel(t, String(value));
    if (typeof value !== 'number') return String(value);
    if (key.endsWith('Minor')) return formatMoney(value, String(row.currency), locale);
    if (key.endsWith('Rate')) return percent.format(value);
    if (key === 'contactsPerThousand') return decimal.format(value);
    return integer.format(value);
  };

  return (
    <div className="data-table data-table-scroll report-table">
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
          {rows.map((row, i) => (
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
    </div>
  );
}

export function bucketLabel(t: TFunction, bucket: string): string {
  if (bucket === 'new' || bucket === 'closed') return t(`reports.buckets.${bucket}`);
  return t(`enums.bucket.${bucket as Bucket}`);
}
