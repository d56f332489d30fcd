import { formatMoneyInText } from '@arrears/shared/domain/money';
import type { TimelineItem } from '@arrears/shared/schemas/casework';
import { useTranslation } from 'react-i18next';
import { StatusIcon } from '../../../components/ui/status-icon.tsx';
import { formatInstantInZone } from '../../../lib/format.ts';
import { useSessionUser } from '../../../lib/session.tsx';
import { EntryDetail } from './timeline-detail.tsx';

interface TimelineEntryProps {
  item: TimelineItem;
  debtorZone: string | undefined;
}

/**
 * One event: what it was, when (with its year: a case's history spans years; the agent's clock, and the debtor's
 * where it differs), who, and its detail.
 */
export function TimelineEntry({ item, debtorZone }: TimelineEntryProps) {
  const { t } = useTranslation();
  const { locale, timeZone } = useSessionUser();
  const agentTime = formatInstantInZone(item.at, timeZone, locale, { withYear: true });
  const debtorTime = debtorZone
    ? formatInstantInZone(item.at, debtorZone, locale, { withYear: true })
    : agentTime;
  const blocked = item.type === 'decision' && item.detail.outcome === 'blocked';
  const title = useEntryTitle(item);
  return (
    <li className={`timeline-item timeline-${item.type}${blocked ? ' timeline-blocked' : ''}`}>
      <div className="timeline-head">
        {blocked && <StatusIcon kind="blocked" />}
        <span className="timeline-title">{title}</span>
        <time dateTime={item.at}>
          {debtorTime === agentTime ? agentTime : t('case.timeline.bothTimes', { agentTime, debtorTime })}
        </time>
        {item.actorName && <span className="muted">{item.actorName}</span>}
      </div>
      <EntryDetail item={item} />
    </li>
  );
}

function useEntryTitle(item: TimelineItem): string {
  const { t } = useTranslation();
  const { locale } = useSessionUser();
  switch (item.type) {
    case 'contact':
      return t('case.timeline.contact', {
        kind: t(`admin.actionKind.${item.detail.kind}`),
        outcome: t(`case.timeline.outcome.${item.detail.outcome}`),
        direction: t(`case.timeline.direction.${item.detail.direction}`),
      });
    case 'decision':
      return t(`case.timeline.decision.${item.detail.outcome}`, {
        kind: t(`admin.actionKind.${item.detail.actionKind}`),
      });
    case 'promise':
      return t('case.timeline.promise', {
        amount: formatMoneyInText(item.detail.amountMinor, item.detail.currency, locale),
        status: t(`case.promiseStatus.${item.detail.status}`),
      });
    case 'payment_plan':
      return t('case.timeline.plan', {
        amount: formatMoneyInText(item.detail.totalMinor, item.detail.currency, locale),
        count: item.detail.installmentCount,
        status: t(`case.planStatus.${item.detail.status}`),
      });
    case 'payment':
      return t(item.detail.reversesId ? 'case.timeline.reversal' : 'case.timeline.payment', {
        amount: formatMoneyInText(item.detail.amountMinor, item.detail.currency, locale),
        method: t(`actions.paymentMethod.${item.detail.method}`),
      });
    case 'flag':
      return t(`case.timeline.flag.${item.detail.event}`);
    case 'escalation_request':
      return t('case.timeline.escalationRequest', { kind: t(`actions.escalation.${item.detail.kind}`) });
    case 'escalation_decision':
      return t(`case.timeline.escalationDecision.${item.detail.status}`, {
        kind: t(`actions.escalation.${item.detail.kind}`),
      });
    default:
      return t(`case.timeline.type.${item.type}`);
  }
}
