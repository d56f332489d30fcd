import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { readApiError } from '../../../lib/api-error.ts';
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
      {figures.isError && (
        <div role="alert" className="notice notice-error">
          <p>{t('audit.loadFailed', { message: readApiError(figures.error).message })}</p>
          <button type="button" className="button" onClick={() => void figures.refetch()}>
            {t('audit.retry')}
          </button>
        </div>
      )}
      {figures.data && rows.length === 0 && <p className="notice">{t('audit.figures.empty')}</p>}
      {rows.length > 0 && (
        <div className="data-table-scroll">
          <table aria-labelledby={headingId} aria-busy={figures.isPlaceholderData}>
            <thead>
              <tr>
                <th scope="col">{t('audit.figures.agent')}</th>
                <th scope="col">{t('audit.figures.team')}</th>
                <th scope="col" className="numeric">
                  {t('audit.figures.attempts')}
                </th>
                <th scope="col" className="numeric">
                  {t('audit.figures.contacts')}
                </th>
                <th scope="col" className="numeric">
                  {t('audit.figures.blocked')}
                </th>
                <th scope="col" className="numeric">
                  {t('audit.figures.blockedRate')}
                </th>
                <th scope="col" className="numeric">
                  {t('audit.figures.overrides')}
                </th>
                <th scope="col" className="numeric">
                  {t('audit.figures.complaints')}
                </th>
              </tr>
            </thead>
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
      {heat.isError && (
        <div role="alert" className="notice notice-error">
          <p>{t('audit.loadFailed', { message: readApiError(heat.error).message })}</p>
          <button type="button" className="button" onClick={() => void heat.refetch()}>
            {t('audit.retry')}
          </button>
        </div>
      )}
      {heat.data && heat.data.total === 0 && <p className="notice">{t('audit.heat.empty')}</p>}
      {heat.data && heat.data.total > 0 && <HeatMap data={heat.data} />}
    </section>
  );
}
