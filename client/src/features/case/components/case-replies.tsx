import type { CaseReplyView } from '@arrears/shared/schemas/channels';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryStatus } from '../../../components/ui/query-status.tsx';
import { readApiError } from '../../../lib/api-error.ts';
import { formatInstantInZone } from '../../../lib/format.ts';
import { useSessionUser } from '../../../lib/session.tsx';
import { useCaseRepliesQuery, useClassifyReply } from '../api/use-case-replies.ts';

/**
 * The texts the debtor sent (decision 13): each with how it was read. One nobody has read yet holds texts to that
 * number; a person who works the case reads it and says whether it means stop.
 */
export function CaseReplies({ caseId, canWork }: { caseId: string; canWork: boolean }) {
  const { t } = useTranslation();
  const headingId = useId();
  const replies = useCaseRepliesQuery(caseId);
  const classify = useClassifyReply();
  const items = replies.data ?? [];
  if (replies.isSuccess && items.length === 0) return null;

  return (
    <section aria-labelledby={headingId} className="case-card case-replies" data-testid="case-replies">
      <h2 id={headingId}>{t('replies.heading')}</h2>
      <QueryStatus query={replies} failedKey="replies.failed" retryKey="case.retry" />
      <ol className="timeline" aria-label={t('replies.listLabel')}>
        {items.map((reply) => (
          <ReplyEntry
            key={reply.id}
            reply={reply}
            canWork={canWork}
            busy={classify.isPending}
            onClassify={(stop) => classify.mutate({ caseId, replyId: reply.id, stop })}
          />
        ))}
      </ol>
      {classify.error && (
        <p role="alert" className="notice notice-error">
          {t('replies.classifyFailed', { message: readApiError(classify.error).message })}
        </p>
      )}
    </section>
  );
}

function ReplyEntry({
  reply,
  canWork,
  busy,
  onClassify,
}: {
  reply: CaseReplyView;
  canWork: boolean;
  busy: boolean;
  onClassify: (stop: boolean) => void;
}) {
  const { t } = useTranslation();
  const { locale, timeZone } = useSessionUser();
  const waiting = reply.classification === 'unclassified' && reply.readAs === null;
  const reading =
    reply.readAs !== null
      ? t(`replies.readAs.${reply.readAs}`)
      : t(`replies.classification.${reply.classification}`);
  return (
    <li className={`timeline-item${waiting ? ' timeline-blocked' : ''}`} data-testid="case-reply">
      <div className="timeline-head">
        <strong>{t('replies.received')}</strong>{' '}
        <time dateTime={reply.receivedAt}>
          {formatInstantInZone(reply.receivedAt, timeZone, locale, { withYear: true })}
        </time>
      </div>
      <blockquote lang={/[\u4e00-\u9fff]/.test(reply.body) ? 'zh' : undefined}>{reply.body}</blockquote>
      <p className="muted">{reading}</p>
      {waiting && canWork && (
        <p>
          <button type="button" className="button" disabled={busy} onClick={() => onClassify(true)}>
            {t('replies.markStop')}
          </button>{' '}
          <button type="button" className="button" disabled={busy} onClick={() => onClassify(false)}>
            {t('replies.markNotStop')}
          </button>
        </p>
      )}
    </li>
  );
}
