import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryStatus } from '../../../components/ui/query-status.tsx';
import { useCaseTimelineQuery } from '../api/use-case-timeline-query.ts';
import { TimelineEntry } from './timeline-entry.tsx';

interface CaseTimelineProps {
  caseId: string;
  debtorZone: string | undefined;
}

/** One history of the case, newest first: contacts, blocked attempts, money, disputes, notes. */
export function CaseTimeline({ caseId, debtorZone }: CaseTimelineProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const timeline = useCaseTimelineQuery(caseId);
  const items = timeline.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section className="case-card case-timeline" aria-labelledby={headingId}>
      <h2 id={headingId} tabIndex={-1} data-step="timeline">
        {t('case.timeline.heading')}
      </h2>
      {timeline.isPending && <p role="status">{t('case.timeline.loading')}</p>}
      <QueryStatus query={timeline} failedKey="case.timeline.failed" retryKey="case.retry" />
      {timeline.isSuccess && items.length === 0 && <p className="muted">{t('case.timeline.empty')}</p>}
      {items.length > 0 && (
        <ol className="timeline" aria-label={t('case.timeline.listLabel')}>
          {items.map((item) => (
            <TimelineEntry key={`${item.type}:${item.id}`} item={item} debtorZone={debtorZone} />
          ))}
        </ol>
      )}
      {timeline.hasNextPage && (
        <button
          type="button"
          className="button"
          disabled={timeline.isFetchingNextPage}
          onClick={() => void timeline.fetchNextPage()}
        >
          {timeline.isFetchingNextPage ? t('case.timeline.loadingMore') : t('case.timeline.loadMore')}
        </button>
      )}
    </section>
  );
}
