import { can } from '@arrears/shared/auth/roles';
import type { LetterRow, LettersOverview } from '@arrears/shared/schemas/letters';
import { type FormEvent, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/ui/page.tsx';
import { QueryStatus } from '../../../components/ui/query-status.tsx';
import { useIdempotencyKey } from '../../../hooks/use-idempotency-key.ts';
import { letters } from '../../../i18n/en/letters.ts';
import { registerEnglish } from '../../../i18n/i18n.ts';
import { readApiError } from '../../../lib/api-error.ts';
import { createViewerFormats } from '../../../lib/format.ts';
import { saveBase64File } from '../../../lib/save-file.ts';
import { useSessionUser } from '../../../lib/session.tsx';
import { useBatchZip } from '../api/use-batch-zip.ts';
import { useBuildBatch } from '../api/use-build-batch.ts';
import { useLettersOverviewQuery } from '../api/use-letters-overview-query.ts';
import { useMarkReturned } from '../api/use-mark-returned.ts';

registerEnglish({ letters });

type Batch = LettersOverview['batches'][number];

/**
 * The print room: the letters waiting for the next run, the button that judges them at the cut-off and downloads the
 * vendor's zip, and the latest batches with each letter's fate, where returned mail is recorded.
 */
export function LettersPage() {
  const { t } = useTranslation();
  const overview = useLettersOverviewQuery();
  const [announcement, setAnnouncement] = useState('');
  return (
    <Page
      title={t('sectionTabs.compliance.letters')}
      heading={t('letters.title')}
      className="letters-page"
      header={<p className="muted">{t('letters.intro')}</p>}
    >
      <p role="status" className="page-status">
        {announcement}
      </p>
      <QueryStatus
        query={overview}
        loadingKey="letters.loading"
        failedKey="letters.loadFailed"
        retryKey="letters.retry"
      />
      {overview.data && (
        <>
          <QueuedLetters letters={overview.data.queued} onBuilt={setAnnouncement} />
          <RecentBatches batches={overview.data.batches} onDone={setAnnouncement} />
        </>
      )}
    </Page>
  );
}

function QueuedLetters({ letters, onBuilt }: { letters: LetterRow[]; onBuilt: (message: string) => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const build = useBuildBatch();
  const idempotency = useIdempotencyKey();
  const [mailingDate, setMailingDate] = useState(() => new Date().toISOString().slice(0, 10));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    build.mutate(
      { idempotencyKey: idempotency.key, mailingDate },
      {
        onSuccess: (file) => {
          idempotency.renew();
          saveBase64File(file.zipBase64, file.fileName, 'application/zip');
          onBuilt(
            t('letters.batch.built', { mailed: file.batch.mailedCount, withheld: file.batch.withheldCount }),
          );
        },
      },
    );
  };
  return (
    <section aria-labelledby={headingId} className="letters-queue">
      <h2 id={headingId}>{t('letters.queue.heading')}</h2>
      {letters.length === 0 ? (
        <p className="muted">{t('letters.queue.empty')}</p>
      ) : (
        <LetterTable letters={letters} caption={t('letters.queue.heading')} />
      )}
      <form className="filter-bar" onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${headingId}-date`}>{t('letters.batch.mailingDate')}</label>
          <input
            id={`${headingId}-date`}
            type="date"
            required
            value={mailingDate}
            onChange={(event) => setMailingDate(event.target.value)}
          />
        </div>
        <button
          type="submit"
          className="button button-primary"
          disabled={build.isPending || letters.length === 0}
        >
          {build.isPending ? t('letters.batch.building') : t('letters.batch.build')}
        </button>
      </form>
      {build.error && (
        <p role="alert" className="notice notice-error">
          {t('letters.batch.failed', { message: readApiError(build.error).message })}
        </p>
      )}
    </section>
  );
}

function RecentBatches({ batches, onDone }: { batches: Batch[]; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const zip = useBatchZip();
  const { locale, timeZone } = useSessionUser();
  const formats = useMemo(() => createViewerFormats(locale, timeZone), [locale, timeZone]);
  return (
    <section aria-labelledby={headingId} className="letters-batches">
      <h2 id={headingId}>{t('letters.batches.heading')}</h2>
      {batches.length === 0 && <p className="muted">{t('letters.batches.empty')}</p>}
      {zip.error && (
        <p role="alert" className="notice notice-error">
          {t('letters.batch.failed', { message: readApiError(zip.error).message })}
        </p>
      )}
      {batches.map((batch) => (
        <article key={batch.id} className="letter-batch" data-batch-id={batch.id}>
          <h3>
            {t('letters.batches.title', {
              mailingDate: batch.mailingDate,
              cutoff: formats.instant(batch.cutoffAt),
            })}
          </h3>
          <p>
            {t('letters.batches.counts', { mailed: batch.mailedCount, withheld: batch.withheldCount })}{' '}
            <button
              type="button"
              className="button"
              disabled={zip.isPending}
              onClick={() =>
                zip.mutate(batch.id, {
                  onSuccess: (file) => saveBase64File(file.zipBase64, file.fileName, 'application/zip'),
                })
              }
            >
              {t('letters.batches.download')}
            </button>
          </p>
          <LetterTable
            letters={batch.letters}
            caption={t('letters.batches.lettersOf', { mailingDate: batch.mailingDate })}
            onDone={onDone}
          />
        </article>
      ))}
    </section>
  );
}

function LetterTable({
  letters,
  caption,
  onDone,
}: {
  letters: LetterRow[];
  caption: string;
  onDone?: (message: string) => void;
}) {
  const { t } = useTranslation();
  const user = useSessionUser();
  const markReturned = useMarkReturned();
  const idempotency = useIdempotencyKey();
  const { locale, timeZone } = user;
  const formats = useMemo(() => createViewerFormats(locale, timeZone), [locale, timeZone]);
  const canReturn = can(user, 'letters:return') && onDone !== undefined;
  return (
    <>
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('letters.column.account')}</th>
            <th scope="col">{t('letters.column.debtor')}</th>
            <th scope="col">{t('letters.column.letter')}</th>
            <th scope="col">{t('letters.column.requestedAt')}</th>
            <th scope="col">{t('letters.column.state')}</th>
            <th scope="col">{t('letters.column.pages')}</th>
            {canReturn && <th scope="col">{t('letters.column.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {letters.map((letter) => (
            <tr key={letter.id} data-letter-id={letter.id}>
              <td>{letter.accountRef}</td>
              <td>{letter.debtorName}</td>
              <td>{t(`letters.purpose.${letter.purpose}`)}</td>
              <td>{formats.instant(letter.requestedAt)}</td>
              <td>
                {letter.state === 'withheld'
                  ? t('letters.state.withheldBy', { ruleId: letter.withheldRuleId ?? '' })
                  : letter.returned
                    ? t('letters.state.returned')
                    : t(`letters.state.${letter.state}`)}
              </td>
              <td>{letter.pages ?? ''}</td>
              {canReturn && (
                <td>
                  {letter.state === 'mailed' && !letter.returned && (
                    <button
                      type="button"
                      className="button"
                      disabled={markReturned.isPending}
                      onClick={() =>
                        markReturned.mutate(
                          { idempotencyKey: idempotency.key, letterId: letter.id },
                          {
                            onSuccess: () => {
                              idempotency.renew();
                              onDone?.(t('letters.returned', { accountRef: letter.accountRef }));
                            },
                          },
                        )
                      }
                    >
                      {t('letters.markReturned')}
                    </button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {markReturned.error && (
        <p role="alert" className="notice notice-error">
          {t('letters.returnFailed', { message: readApiError(markReturned.error).message })}
        </p>
      )}
    </>
  );
}
