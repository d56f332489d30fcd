import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../../components/ui/form-field.tsx';
import { useIdempotencyKey } from '../../../hooks/use-idempotency-key.ts';
import { useSessionUser } from '../../../lib/session.tsx';
import { useRecordVerificationSent } from '../api/use-record-flag.ts';
import { readActionError } from '../hooks/action-error.ts';
import { dayInZone, instantFromWallTime, timeInZone } from '../hooks/zoned-input.ts';
import { ActionFailureAlert } from './action-failure.tsx';

export interface VerificationFormProps {
  caseId: string;
  disputeId: string;
  caseVersion: number | undefined;
  debtorZone: string | undefined;
  onDone: () => void;
}

/** Verification of the disputed debt went to the debtor (in the agent's clock): the dispute's pause ends. */
export function VerificationForm({
  caseId,
  disputeId,
  caseVersion,
  debtorZone,
  onDone,
}: VerificationFormProps) {
  const idempotency = useIdempotencyKey();
  const { t } = useTranslation();
  const { timeZone } = useSessionUser();
  const record = useRecordVerificationSent(caseId);
  const [opened] = useState(() => new Date());
  const [date, setDate] = useState(() => dayInZone(opened, timeZone));
  const [time, setTime] = useState(() => timeInZone(opened, timeZone));
  const [tried, setTried] = useState(false);
  const sentAt = instantFromWallTime(date, time, timeZone);
  const problem =
    sentAt === null
      ? t('actions.payment.badTime')
      : sentAt.getTime() > Date.now() + 60_000
        ? t('actions.flag.future')
        : undefined;
  const failure = record.error ? readActionError(record.error) : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setTried(true);
    if (problem || sentAt === null) {
      event.currentTarget.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    record.mutate(
      {
        idempotencyKey: idempotency.key,
        disputeId,
        sentAt: new Date(Math.min(sentAt.getTime(), Date.now())).toISOString(),
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
      <p className="form-consequence">{t('actions.verification.consequence')}</p>
      <fieldset className="field-pair">
        <legend>{t('actions.verification.when', { zone: timeZone })}</legend>
        <FormField
          label={t('actions.date')}
          error={(tried ? problem : undefined) ?? failure?.fieldErrors.sentAt?.[0]}
        >
          {(control) => (
            <input {...control} type="date" value={date} onChange={(event) => setDate(event.target.value)} />
          )}
        </FormField>
        <FormField label={t('actions.time')}>
          {(control) => (
            <input {...control} type="time" value={time} onChange={(event) => setTime(event.target.value)} />
          )}
        </FormField>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={record.isPending}>
          {record.isPending ? t('actions.saving') : t('actions.verification.submit')}
        </button>
      </div>
    </form>
  );
}
