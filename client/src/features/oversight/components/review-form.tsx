import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../../components/ui/form-field.tsx';
import { useIdempotencyKey } from '../../../hooks/use-idempotency-key.ts';
import { readApiError } from '../../../lib/api-error.ts';
import { useReview } from '../api/audit-api.ts';

interface ReviewFormProps {
  target: 'decision' | 'contact';
  id: number;
  /** Called after the review is saved (a dialog closes itself). */
  onDone?: () => void;
}

/** A note and a button: marks a decision or contact reviewed. A new review supersedes the previous one. */
export function ReviewForm({ target, id, onDone }: ReviewFormProps) {
  const idempotency = useIdempotencyKey();
  const { t } = useTranslation();
  const review = useReview();
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState(false);
  const error = review.error ? readApiError(review.error) : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    review.mutate(
      { idempotencyKey: idempotency.key, target, id, note },
      {
        onSuccess: () => {
          idempotency.renew();
          setNote('');
          setSaved(true);
          onDone?.();
        },
      },
    );
  };

  return (
    <form className="review-form" onSubmit={submit} aria-label={t('audit.review.formLabel')}>
      <FormField
        label={t('audit.review.note')}
        hint={t('audit.review.hint')}
        error={error?.fieldErrors.note?.[0] ?? (error ? error.message : undefined)}
      >
        {(control) => (
          <textarea
            {...control}
            data-autofocus
            rows={3}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            required
            minLength={3}
            maxLength={2000}
          />
        )}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={review.isPending}>
          {review.isPending ? t('audit.review.saving') : t('audit.review.submit')}
        </button>
        <p role="status" className="muted">
          {saved ? t('audit.review.saved') : ''}
        </p>
      </div>
    </form>
  );
}
