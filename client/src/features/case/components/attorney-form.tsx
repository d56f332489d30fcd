import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../../components/ui/form-field.tsx';
import { useIdempotencyKey } from '../../../hooks/use-idempotency-key.ts';
import { useRecordAttorney } from '../api/use-record-flag.ts';
import { readActionError } from '../hooks/action-error.ts';
import { ActionFailureAlert } from './action-failure.tsx';

export interface AttorneyFormProps {
  caseId: string;
  caseVersion: number | undefined;
  debtorZone: string | undefined;
  onDone: () => void;
}

/** The debtor is represented: from now on the attorney is contacted, not the debtor (US-FDCPA-ATTY). */
export function AttorneyForm({ caseId, caseVersion, debtorZone, onDone }: AttorneyFormProps) {
  const idempotency = useIdempotencyKey();
  const { t } = useTranslation();
  const record = useRecordAttorney(caseId);
  const [name, setName] = useState('');
  const [contact, setContact] = useState('');
  const [tried, setTried] = useState(false);
  const problems = {
    name: name.trim().length < 2 ? t('actions.attorney.nameNeeded') : undefined,
    contact: contact.trim().length < 3 ? t('actions.attorney.contactNeeded') : undefined,
  };
  const hasProblems = Object.values(problems).some(Boolean);
  const failure = record.error ? readActionError(record.error) : null;
  const show = (field: keyof typeof problems) =>
    (tried ? problems[field] : undefined) ?? failure?.fieldErrors[field]?.[0];

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setTried(true);
    if (hasProblems) {
      event.currentTarget.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    record.mutate(
      {
        idempotencyKey: idempotency.key,
        caseId,
        name: name.trim(),
        contact: contact.trim(),
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
      <p className="form-consequence">{t('actions.flag.consequence.attorney')}</p>
      <FormField label={t('actions.attorney.name')} error={show('name')}>
        {(control) => (
          <input
            {...control}
            data-autofocus
            autoComplete="off"
            maxLength={200}
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        )}
      </FormField>
      <FormField label={t('actions.attorney.contact')} error={show('contact')}>
        {(control) => (
          <input
            {...control}
            autoComplete="off"
            maxLength={500}
            value={contact}
            onChange={(event) => setContact(event.target.value)}
          />
        )}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={record.isPending}>
          {record.isPending ? t('actions.saving') : t('actions.flag.submit.attorney')}
        </button>
      </div>
    </form>
  );
}
