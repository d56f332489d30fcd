import { LETTER_PURPOSES, type LetterPurpose } from '@arrears/shared/schemas/letters';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIdempotencyKey } from '../../../hooks/use-idempotency-key.ts';
import { letters } from '../../../i18n/en/letters.ts';
import { registerEnglish } from '../../../i18n/i18n.ts';
import { readApiError } from '../../../lib/api-error.ts';
import { saveBase64File } from '../../../lib/save-file.ts';
import { useLetterPreview } from '../api/use-letter-preview.ts';
import { useQueueLetter } from '../api/use-queue-letter.ts';

registerEnglish({ letters });

/**
 * The case's letters on the case screen: the validation notice and the statement of the debt as the PDF the mail
 * vendor would print today, and, for the people who work the case, a button that queues one for the next print run.
 */
export function CaseLetters({ caseId, canWork }: { caseId: string; canWork: boolean }) {
  const { t } = useTranslation();
  const headingId = useId();
  const preview = useLetterPreview(caseId);
  const queue = useQueueLetter();
  const idempotency = useIdempotencyKey();
  const [status, setStatus] = useState('');
  const failure = preview.error ?? queue.error;

  const download = (purpose: LetterPurpose) => {
    setStatus(t('letters.case.building'));
    preview.mutate(purpose, {
      onSuccess: (file) => {
        saveBase64File(file.pdfBase64, file.fileName, 'application/pdf');
        setStatus(t('letters.case.downloaded', { fileName: file.fileName }));
      },
      onError: () => setStatus(''),
    });
  };
  const enqueue = (purpose: LetterPurpose) =>
    queue.mutate(
      { idempotencyKey: idempotency.key, caseId, purpose },
      {
        onSuccess: () => {
          idempotency.renew();
          setStatus(t('letters.case.queued', { letter: t(`letters.purpose.${purpose}`) }));
        },
      },
    );

  return (
    <section aria-labelledby={headingId} className="case-section case-letters" data-testid="case-letters">
      <h2 id={headingId}>{t('letters.case.heading')}</h2>
      <ul className="letter-list">
        {LETTER_PURPOSES.map((purpose) => (
          <li key={purpose}>
            <span>{t(`letters.purpose.${purpose}`)}</span>{' '}
            <button
              type="button"
              className="button"
              disabled={preview.isPending}
              onClick={() => download(purpose)}
            >
              {t('letters.case.preview', { letter: t(`letters.purpose.${purpose}`) })}
            </button>{' '}
            {canWork && (
              <button
                type="button"
                className="button"
                disabled={queue.isPending}
                onClick={() => enqueue(purpose)}
              >
                {t('letters.case.queue', { letter: t(`letters.purpose.${purpose}`) })}
              </button>
            )}
          </li>
        ))}
      </ul>
      <p role="status" className="muted">
        {status}
      </p>
      {failure && (
        <p role="alert" className="notice notice-error">
          {t('letters.case.failed', { message: readApiError(failure).message })}
        </p>
      )}
    </section>
  );
}
