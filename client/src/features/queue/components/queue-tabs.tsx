import type { Queue } from '@arrears/shared/schemas/queues';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSessionUser } from '../../../lib/session.tsx';
import { useQueueCountsQuery } from '../api/use-queue-counts-query.ts';
import { QUEUE_NAMES, type QueueState, toQueueParams, withQueue } from '../hooks/queue-params.ts';

/** The named queues with how many cases each holds; the current one is marked for assistive technology. */
export function QueueTabs({ state }: { state: QueueState }) {
  const { t } = useTranslation();
  const { locale } = useSessionUser();
  const counts = useQueueCountsQuery();
  const format = new Intl.NumberFormat(locale);

  return (
    <nav className="queue-tabs" aria-label={t('queue.tabsLabel')}>
      <ul>
        {QUEUE_NAMES.map((queue: Queue) => {
          const count = counts.data?.[queue];
          const countText = count
            ? count.capped
              ? t('queue.countCapped', { count: format.format(count.count) })
              : format.format(count.count)
            : null;
          return (
            <li key={queue}>
              <Link
                to={{ search: toQueueParams(withQueue(state, queue)).toString() }}
                aria-current={state.queue === queue ? 'page' : undefined}
              >
                <span>{t(`queue.name.${queue}`)}</span>
                {countText !== null && <span className="queue-count">{countText}</span>}
              </Link>
            </li>
          );
        })}
      </ul>
      {counts.isError && <p className="field-error">{t('queue.countsFailed')}</p>}
    </nav>
  );
}
