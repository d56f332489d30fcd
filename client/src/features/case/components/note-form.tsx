import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../../components/ui/form-field.tsx';
import { useIdempotencyKey } from '../../../hooks/use-idempotency-key.ts';
import { useAddNote } from '../api/use-add-note.ts';
import { readActionError } from '../hooks/action-error.ts';
import { ActionFailureAlert } from './action-failure.tsx';

export interface NoteFormProps {
  caseId: string;
  caseVersion: number | undefined;
  debtorZone: string | undefined;
  onDone: () => void;
}

/** A note on the case, for whoever works it next. */
export function NoteForm({ caseId, caseVersion, debtorZone, onDone }: NoteFormProps) {
  const idempotency = useIdempotencyKey();
  const { t } = useTranslation();
  const addNote = useAddNote(caseId);
  const [body, setBody] = useState('');
  const [tried, setTried] = useState(false);
  const problem = body.trim() ? undefined : t('actions.note.empty');
  const failure = addNote.error ? readActionError(addNote.error) : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setTried(true);
    if (problem) {
      event.currentTarget.querySelector<HTMLElement>('textarea')?.focus();
      return;
    }
    addNote.mutate(
      {
        idempotencyKey: idempotency.key,
        caseId,
        body: body.trim(),
        ...(caseVersion === undefined ? {} : { expectedVersion: caseVersion }),
      },
      {
        onSuccess: () => {
          idempotency.renew();
          onDone();
        },
      },
    );
  }

  return (
    <form className="action-form" onSubmit={submit} noValidate>
      <ActionFailureAlert failure={failure} debtorZone={debtorZone} />
      <FormField
        label={t('actions.note.body')}
        error={(tried ? problem : undefined) ?? failure?.fieldErrors.body?.[0]}
      >
        {(control) => (
          <textarea
            {...control}
            rows={5}
            maxLength={4000}
            value={body}
            onChange={(event) => setBody(event.target.value)}
          />
        )}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={addNote.isPending}>
          {addNote.isPending ? t('actions.saving') : t('actions.note.submit')}
        </button>
      </div>
    </form>
  );
}
