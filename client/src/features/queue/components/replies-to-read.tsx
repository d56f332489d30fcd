import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatInstantInZone } from '../../../lib/format.ts';
import { useSessionUser } from '../../../lib/session.tsx';
import { useTRPC } from '../../../lib/trpc.ts';

/**
 * Texts debtors sent that nobody has read yet (each holds texts to its number until someone classifies it on the
 * case screen), oldest first. Shown only when there are some.
 */
export function RepliesToRead() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const headingId = useId();
  const { locale, timeZone } = useSessionUser();
  const replies = useQuery(trpc.channels.repliesToRead.queryOptions());
  const items = replies.data ?? [];
  if (items.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className="case-card replies-to-read" data-testid="replies-to-read">
      <h2 id={headingId}>{t('replies.toRead.heading', { count: items.length })}</h2>
      <p className="muted">{t('replies.toRead.intro')}</p>
      <ul>
        {items.map((reply) => (
          <li key={reply.replyId}>
            <Link to={`/cases/${reply.caseId}`}>{reply.accountRef}</Link> · {reply.debtorName} ·{' '}
            <time dateTime={reply.receivedAt}>
              {formatInstantInZone(reply.receivedAt, timeZone, locale, { withYear: true })}
            </time>
            <blockquote>{reply.body}</blockquote>
          </li>
        ))}
      </ul>
    </section>
  );
}
