import { formatMoney } from '@arrears/shared/domain/money';
import type { TimelineItem } from '@arrears/shared/schemas/casework';
import { useTranslation } from 'react-i18next';
import { createViewerFormats } from '../../../lib/format.ts';
import { usePunctuation } from '../../../lib/punctuation.ts';
import { useSessionUser } from '../../../lib/session.tsx';

/** The lines under a timeline entry's title: where, how long, what was said or why, in the viewer's clock. */
export function EntryDetail({ item }: { item: TimelineItem }) {
  const { t } = useTranslation();
  const punctuation = usePunctuation();
  const { locale, timeZone } = useSessionUser();
  const formats = createViewerFormats(locale, timeZone);
  const lines: string[] = [];
  switch (item.type) {
    case 'contact': {
      const d = item.detail;
      if (d.contactPoint) lines.push(d.contactPoint);
      if (d.thirdPartyName) lines.push(d.thirdPartyName);
      if (d.durationSeconds !== null)
        lines.push(
          t('case.timeline.duration', {
            minutes: Math.floor(d.durationSeconds / 60),
            seconds: String(d.durationSeconds % 60).padStart(2, '0'),
          }),
        );
      if (d.notes) lines.push(d.notes);
      if (d.body) lines.push(d.body);
      break;
    }
    case 'decision':
      lines.push(
        ...item.detail.reasons.map((reason, i) =>
          [item.detail.ruleIds[i], reason].filter(Boolean).join(punctuation.dash),
        ),
      );
      if (item.detail.overrideReason)
        lines.push(t('actions.overridden', { reason: item.detail.overrideReason }));
      break;
    case 'promise':
      lines.push(t('case.timeline.dueBy', { date: formats.calendarDate(item.detail.dueDate) }));
      break;
    case 'payment': {
      const money = (minor: number) => formatMoney(minor, item.detail.currency, locale);
      lines.push(
        t('case.timeline.allocation', {
          fees: money(item.detail.feesMinor),
          interest: money(item.detail.interestMinor),
          principal: money(item.detail.principalMinor),
        }),
      );
      break;
    }
    case 'dispute':
      lines.push(item.detail.reason);
      if (item.detail.verificationSentAt)
        lines.push(
          t('case.timeline.verificationSent', { time: formats.instant(item.detail.verificationSentAt) }),
        );
      break;
    case 'complaint':
      lines.push(item.detail.description);
      lines.push(
        t('case.timeline.complaintStatus', {
          status: t(`case.complaintStatus.${item.detail.status}`),
          date: formats.instant(item.detail.resolveBy),
        }),
      );
      break;
    case 'note':
      lines.push(item.detail.body);
      break;
    case 'callback':
      lines.push(t('case.timeline.callbackDue', { time: formats.instant(item.detail.dueAt) }));
      if (item.detail.note) lines.push(item.detail.note);
      break;
    case 'escalation_request':
      lines.push(item.detail.reason);
      break;
    case 'escalation_decision':
      if (item.detail.reason) lines.push(item.detail.reason);
      break;
    case 'flag': {
      const d = item.detail;
      for (const text of [d.name, d.contactPoint, d.reason]) if (text) lines.push(text);
      if (d.channel) lines.push(t(`case.optOutChannel.${d.channel}`));
      if (d.effectiveAt) lines.push(t('case.timeline.effective', { time: formats.instant(d.effectiveAt) }));
      if (d.until) lines.push(t('case.banner.until', { time: formats.instant(d.until) }));
      break;
    }
    case 'payment_plan':
      break;
  }
  if (lines.length === 0) return null;
  return (
    <div className="timeline-detail">
      {lines.map((line, index) => (
        // Lines of one entry never reorder; the index keeps repeated texts apart.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <p key={index}>{line}</p>
      ))}
    </div>
  );
}
