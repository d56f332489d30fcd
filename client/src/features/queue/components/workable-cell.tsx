import type { QueueRow } from '@arrears/shared/schemas/queues';
import { useTranslation } from 'react-i18next';
import { StatusIcon } from '../../../components/ui/status-icon.tsx';
import { useSessionUser } from '../../../lib/session.tsx';

/**
 * Whether the case can be worked now; if not, the engine's reason (with its rule) and when it opens, in the
 * agent's clock. Icon and words, never colour alone.
 */
export function WorkableCell({ row }: { row: QueueRow }) {
  const { t } = useTranslation();
  const { locale, timeZone } = useSessionUser();
  if (row.workableNow) {
    return (
      <span className="workable">
        <StatusIcon kind="allowed" />
        {t('queue.workableNow')}
      </span>
    );
  }
  const opensAt = row.blockedBy?.nextAllowedAt ?? row.nextWorkableAt;
  const when = opensAt
    ? new Intl.DateTimeFormat(locale, {
        timeZone,
        weekday: 'short',
        month: 'short',
        day: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
        timeZoneName: 'short',
      }).format(new Date(opensAt))
    : null;
  return (
    <span className="not-workable">
      <StatusIcon kind="blocked" />
      <span>
        <span className="not-workable-state">
          {when ? t('queue.workableAt', { time: when }) : t('queue.notWorkable')}
        </span>
        {row.blockedBy && (
          // Clamped to two lines on screen; the full reason stays in the text (read out) and the tooltip.
          <span className="not-workable-reason" title={row.blockedBy.reason}>
            {row.blockedBy.ruleId
              ? t('queue.blockedBy', { ruleId: row.blockedBy.ruleId, reason: row.blockedBy.reason })
              : row.blockedBy.reason}
          </span>
        )}
      </span>
    </span>
  );
}
