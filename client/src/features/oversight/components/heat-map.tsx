import type { HeatMapOutput } from '@arrears/shared/schemas/oversight';
import { useTranslation } from 'react-i18next';
import { usePunctuation } from '../../../lib/punctuation.ts';
import { useSessionUser } from '../../../lib/session.tsx';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

/** Monday 2024-01-01 + n days, so weekday names come from the locale. */
function weekdayName(locale: string, isoWeekday: number, style: 'short' | 'long') {
  return new Intl.DateTimeFormat(locale, { weekday: style, timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, isoWeekday)),
  );
}

/**
 * Attempts by hour of the debtor's local day (columns) and weekday (rows): a table, so it reads cell by cell.
 * Shade grows with the count; a cell with attempts near a window edge gets a marked border and a ◆, one with
 * attempts outside the window a ✕ — the symbols and the numbers carry the meaning, the colour repeats it.
 */
export function HeatMap({ data }: { data: HeatMapOutput }) {
  const { t } = useTranslation();
  const punctuation = usePunctuation();
  const { locale } = useSessionUser();
  const number = new Intl.NumberFormat(locale);
  const cells = new Map(data.cells.map((cell) => [`${cell.weekday}-${cell.hour}`, cell]));
  const max = Math.max(1, ...data.cells.map((cell) => cell.attempts));

  return (
    <div className="heat-map-scroll">
      <table className="heat-map" aria-label={t('audit.heat.tableLabel', { minutes: data.edgeMinutes })}>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">{t('audit.heat.weekday')}</span>
            </th>
            {HOURS.map((hour) => (
              <th key={hour} scope="col" aria-label={t('audit.heat.hourLabel', { hour })}>
                {String(hour).padStart(2, '0')}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {WEEKDAYS.map((weekday) => (
            <tr key={weekday}>
              <th scope="row" aria-label={weekdayName(locale, weekday, 'long')}>
                {weekdayName(locale, weekday, 'short')}
              </th>
              {HOURS.map((hour) => {
                const cell = cells.get(`${weekday}-${hour}`);
                if (!cell) return <td key={hour} className="heat-cell heat-empty" />;
                const level = Math.ceil((cell.attempts / max) * 5);
                const flags = [
                  cell.nearEdge > 0 ? t('audit.heat.nearEdge', { count: cell.nearEdge }) : null,
                  cell.outside > 0 ? t('audit.heat.outside', { count: cell.outside }) : null,
                ].filter(Boolean);
                const title = [t('audit.heat.attempts', { count: cell.attempts }), ...flags].join(
                  punctuation.clauses,
                );
                return (
                  <td
                    key={hour}
                    className={`heat-cell heat-level-${level}${cell.nearEdge > 0 ? ' heat-edge' : ''}${
                      cell.outside > 0 ? ' heat-outside' : ''
                    }`}
                    title={title}
                  >
                    <span aria-hidden="true">
                      {number.format(cell.attempts)}
                      {cell.outside > 0 ? '✕' : cell.nearEdge > 0 ? '◆' : ''}
                    </span>
                    <span className="visually-hidden">{title}</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted heat-legend">
        {t('audit.heat.legend', { minutes: data.edgeMinutes, total: number.format(data.total) })}
      </p>
    </div>
  );
}
