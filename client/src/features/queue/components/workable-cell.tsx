import type { QueueRow } from '@arrears/shared/schemas/queues';
import { useTranslation } from 'react-i18next';
import { StatusIcon } from '../../../components/ui/status-icon.tsx';
import { formatInstantInZone } from '../../../lib/format.ts';
import { useRuleReason } from '../../../lib/rule-reason.ts';
import { useSessionUser } from '../../../lib/session.tsx';

/**
 * Whether the case can be worked now; if not, the engine's reason (with its rule) and when it opens, in the
 * agent's clock. Icon and words, never colour alone.
 */
export function WorkableCell({ row }: { row: QueueRow }) {
  const { t } = useTranslation();
  const { locale, timeZone } = useSessionUser();
  const reasonOf = useRuleReason();
  if (row.workableNow) {
    return (
      <span className="workable">
        <StatusIcon kind="allowed" />
        {t('queue.workableNow')}
      </span>
    );
  }
  const opensAt = row.blockedBy?.nextAllowedAt ?? row.nextWorkableAt;
  const when = opensAt ? formatInstantInZone(opensAt, timeZone, locale) : null;
  return (
    <span className="not-workable">
      <StatusIcon kind="blocked" />
      <span>
        <span className="not-workable-state">
          {when ? t('queue.workableAt', { time: when }) : t('queue.notWorkable')}
        </span>
        {row.blockedBy && (
          // The whole reason, wrapped: an agent reads it without hovering for a tooltip.
          <span className="not-workable-reason">
            {row.blockedBy.ruleId
              ? t('queue.blockedBy', { ruleId: row.blockedBy.ruleId, reason: reasonOf(row.blockedBy) })
              : reasonOf(row.blockedBy)}
          </span>
        )}
      </span>
    </span>
  );
}
