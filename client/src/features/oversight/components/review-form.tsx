import { reviewInput } from '@arrears/shared/schemas/oversight';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SchemaField } from '../../../components/form/schema-field.tsx';
import { SubmitRow } from '../../../components/form/submit-row.tsx';
import { useIdempotencyKey } from '../../../hooks/use-idempotency-key.ts';
import { readApiError } from '../../../lib/api-error.ts';
import { useSchemaForm } from '../../../lib/schema-form.ts';
import { useReview } from '../api/audit-api.ts';

const reviewSchema = reviewInput.pick({ note: true });

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
  const [saved, setSaved] = useState(false);
  const error = review.error ? readApiError(review.error) : null;
  const form = useSchemaForm(reviewSchema, {
    defaultValues: { note: '' },
    // The note is the form's one field: any refusal shows beside it.
    serverErrors: error ? { note: error.fieldErrors.note ?? [error.message] } : undefined,
  });

  const submit = form.handleSubmit(({ note }) => {
    setSaved(false);
    review.mutate(
      { idempotencyKey: idempotency.key, target, id, note },
      {
        onSuccess: () => {
          idempotency.renew();
          form.reset();
          setSaved(true);
          onDone?.();
        },
      },
    );
  });

  return (
    <form className="review-form" onSubmit={submit} noValidate aria-label={t('audit.review.formLabel')}>
      <SchemaField form={form} name="note" label={t('audit.review.note')} hint={t('audit.review.hint')}>
        {(control) => <textarea {...control} data-autofocus rows={3} />}
      </SchemaField>
      <SubmitRow
        label={t('audit.review.submit')}
        pending={review.isPending}
        pendingLabel={t('audit.review.saving')}
      >
        <p role="status" className="muted">
          {saved ? t('audit.review.saved') : ''}
        </p>
      </SubmitRow>
    </form>
  );
}
