import { formatMoney } from '@arrears/shared/domain/money';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { StatusIcon } from '../../../components/ui/status-icon.tsx';
import { useSessionUser } from '../../../lib/session.tsx';
import { useQueueSummaryQuery } from '../api/use-queue-summary-query.ts';
import { formatInZone } from '../hooks/zone-time.ts';

/**
 * The left pane on a wide screen: the agent's own queue in compact rows (debtor, balance, days past due, when
 * workable), the open case marked, so the next one is a click away.
 */
export function QueueSummary({ currentCaseId }: { currentCaseId: string }) {
  const { t } = useTranslation();
  const { locale, timeZone } = useSessionUser();
  const headingId = useId();
  const queue = useQueueSummaryQuery(true);

  return (
    <nav className="queue-summary" aria-labelledby={headingId}>
      <h2 id={headingId}>
        <Link to="/queue">{t('case.queue.heading')}</Link>
      </h2>
      {queue.isPending && <p role="status">{t('case.queue.loading')}</p>}
      {queue.isError && <p className="field-error">{t('case.queue.failed')}</p>}
      {queue.data && queue.data.rows.length === 0 && <p className="muted">{t('case.queue.empty')}</p>}
      {queue.data && queue.data.rows.length > 0 && (
        <ol className="queue-summary-list">
          {queue.data.rows.map((row) => (
            <li key={row.id}>
              <Link
                to={`/cases/${row.id}`}
                aria-current={row.id === currentCaseId ? 'page' : undefined}
                className="queue-summary-row"
              >
                <span className="queue-summary-name">{row.debtorName}</span>
                <span className="numeric">{formatMoney(row.balanceMinor, row.currency, locale)}</span>
                <span className="muted">{t('case.queue.dpd', { count: row.daysPastDue })}</span>
                <span className={row.workableNow ? 'workable' : 'not-workable'}>
                  <StatusIcon kind={row.workableNow ? 'allowed' : 'blocked'} />
                  {row.workableNow
                    ? t('queue.workableNow')
                    : row.nextWorkableAt
                      ? t('queue.workableAt', { time: formatInZone(row.nextWorkableAt, timeZone, locale) })
                      : t('queue.notWorkable')}
                </span>
              </Link>
            </li>
          ))}
        </ol>
      )}
    </nav>
  );
}
