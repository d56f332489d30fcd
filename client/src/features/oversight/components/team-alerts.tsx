import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AdminSection, AdminTable } from '../../../components/ui/admin-table.tsx';
import { QueryStatus } from '../../../components/ui/query-status.tsx';
import { team } from '../../../i18n/en/team.ts';
import { registerEnglish } from '../../../i18n/i18n.ts';
import { createViewerFormats } from '../../../lib/format.ts';
import { useSessionUser } from '../../../lib/session.tsx';
import { useTeamAlertsQuery } from '../api/team-api.ts';

registerEnglish({ team });

/**
 * What machines raised for the supervisor's teams (a dialer's dial without a live reservation), newest first, each
 * with its case and the decision that kept the facts.
 */
export function TeamAlerts() {
  const { t } = useTranslation();
  const { locale, timeZone } = useSessionUser();
  const formats = useMemo(() => createViewerFormats(locale, timeZone), [locale, timeZone]);
  const alerts = useTeamAlertsQuery();
  return (
    <AdminSection heading={t('team.alerts.heading')} testId="team-alerts">
      <p className="muted">{t('team.alerts.intro')}</p>
      <QueryStatus query={alerts} failedKey="team.alerts.loadFailed" retryKey="team.retry" />
      {alerts.data && alerts.data.length === 0 && <p className="notice">{t('team.alerts.empty')}</p>}
      {alerts.data && alerts.data.length > 0 && (
        <AdminTable
          caption={t('team.alerts.heading')}
          columns={[
            t('team.alerts.raisedAt'),
            t('team.alerts.account'),
            t('team.alerts.what'),
            t('team.alerts.rules'),
            t('team.alerts.reportedBy'),
            t('team.alerts.decision'),
          ]}
        >
          {alerts.data.map((alert) => (
            <tr key={alert.id}>
              <td>{formats.instant(alert.raisedAt)}</td>
              <th scope="row">
                <Link to={`/cases/${alert.caseId}`}>{alert.accountRef}</Link>
              </th>
              <td>{t(`team.alerts.kind.${alert.kind}`)}</td>
              <td>{alert.ruleIds.join(', ')}</td>
              <td>{alert.reportedBy ?? '—'}</td>
              <td>
                {alert.decisionId === null ? (
                  '—'
                ) : (
                  <Link to={`/compliance/audit/decisions/${alert.decisionId}`}>
                    {t('team.alerts.openDecision', { id: alert.decisionId })}
                  </Link>
                )}
              </td>
            </tr>
          ))}
        </AdminTable>
      )}
    </AdminSection>
  );
}
