import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryStatus } from '../../../components/ui/query-status.tsx';
import { TableHead } from '../../../components/ui/table-head.tsx';
import { useSessionUser } from '../../../lib/session.tsx';
import { useAgentFiguresQuery, useHeatMapQuery } from '../api/audit-api.ts';
import { HeatMap } from './heat-map.tsx';

interface Range {
  from: string;
  to: string;
  agentId?: string | undefined;
  teamId?: string | undefined;
}

/** Per-agent figures for the audit's date range (and team): a table of counts and the blocked rate. */
export function AgentFigures({ from, to, teamId }: Range) {
  const { t } = useTranslation();
  const headingId = useId();
  const { locale } = useSessionUser();
  const figures = useAgentFiguresQuery({ from, to, teamId });
  const number = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const rows = figures.data ?? [];

  return (
    <section aria-labelledby={headingId} className="audit-section">
      <h2 id={headingId}>{t('audit.figures.heading')}</h2>
      {figures.isPending && <p className="muted">{t('audit.loading')}</p>}
      <QueryStatus query={figures} failedKey="audit.loadFailed" retryKey="audit.retry" />
      {figures.data && rows.length === 0 && <p className="notice">{t('audit.figures.empty')}</p>}
      {rows.length > 0 && (
        <div className="data-table-scroll">
          <table aria-labelledby={headingId} aria-busy={figures.isPlaceholderData}>
            <TableHead
              columns={[
                t('audit.figures.agent'),
                t('audit.figures.team'),
                { label: t('audit.figures.attempts'), numeric: true },
                { label: t('audit.figures.contacts'), numeric: true },
                { label: t('audit.figures.blocked'), numeric: true },
                { label: t('audit.figures.blockedRate'), numeric: true },
                { label: t('audit.figures.overrides'), numeric: true },
                { label: t('audit.figures.complaints'), numeric: true },
              ]}
            />
            <tbody>
              {rows.map((row) => (
                <tr key={row.agentId}>
                  <th scope="row">{row.agentName}</th>
                  <td>{row.teamName ?? '—'}</td>
                  <td className="numeric">{number.format(row.attempts)}</td>
                  <td className="numeric">{number.format(row.contacts)}</td>
                  <td className="numeric">{number.format(row.blocked)}</td>
                  <td className="numeric">
                    {row.blockedRate === null ? '—' : percent.format(row.blockedRate)}
                  </td>
                  <td className="numeric">{number.format(row.overrides)}</td>
                  <td className="numeric">{number.format(row.complaints)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The heat map for the audit's range, of the filtered agent, else the filtered team, else everyone in scope. */
export function AttemptsHeatMap(range: Range) {
  const { t } = useTranslation();
  const headingId = useId();
  const heat = useHeatMapQuery(range);
  return (
    <section aria-labelledby={headingId} className="audit-section">
      <h2 id={headingId}>{t('audit.heat.heading')}</h2>
      <p className="muted">{t('audit.heat.explain')}</p>
      {heat.isPending && <p className="muted">{t('audit.loading')}</p>}
      <QueryStatus query={heat} failedKey="audit.loadFailed" retryKey="audit.retry" />
      {heat.data && heat.data.total === 0 && <p className="notice">{t('audit.heat.empty')}</p>}
      {heat.data && heat.data.total > 0 && <HeatMap data={heat.data} />}
    </section>
  );
}
