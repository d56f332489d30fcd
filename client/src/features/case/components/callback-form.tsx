import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../../components/ui/form-field.tsx';
import { useIdempotencyKey } from '../../../hooks/use-idempotency-key.ts';
import { useSessionUser } from '../../../lib/session.tsx';
import { useScheduleCallback } from '../api/use-schedule-callback.ts';
import { readActionError } from '../hooks/action-error.ts';
import { formatInZone, zoneCity } from '../hooks/zone-time.ts';
import { dayInZone, instantFromWallTime } from '../hooks/zoned-input.ts';
import { ActionFailureAlert } from './action-failure.tsx';

export interface CallbackFormProps {
  caseId: string;
  caseVersion: number | undefined;
  debtorZone: string;
  onDone: () => void;
}

/**
 * A callback at a time the debtor named, typed in the debtor's clock (that is how they said it), with the
 * agent's own time shown beside it. The call itself is judged by the guard when it is made.
 */
export function CallbackForm({ caseId, caseVersion, debtorZone, onDone }: CallbackFormProps) {
  const idempotency = useIdempotencyKey();
  const { t } = useTranslation();
  const { locale, timeZone } = useSessionUser();
  const schedule = useScheduleCallback(caseId);
  const [date, setDate] = useState(() => dayInZone(new Date(), debtorZone));
  const [time, setTime] = useState('');
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);

  const dueAt = instantFromWallTime(date, time, debtorZone);
  const problem =
    dueAt === null
      ? t('actions.callback.pickTime')
      : dueAt.getTime() <= Date.now()
        ? t('actions.callback.past')
        : undefined;
  const failure = schedule.error ? readActionError(schedule.error) : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setTried(true);
    if (problem || dueAt === null) {
      event.currentTarget.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    schedule.mutate(
      {
        idempotencyKey: idempotency.key,
        caseId,
        dueAt: dueAt.toISOString(),
        ...(note.trim() ? { note: note.trim() } : {}),
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
      <fieldset className="field-pair">
        <legend>{t('actions.callback.when', { city: zoneCity(debtorZone) })}</legend>
        <FormField label={t('actions.date')}>
          {(control) => (
            <input {...control} type="date" value={date} onChange={(event) => setDate(event.target.value)} />
          )}
        </FormField>
        <FormField
          label={t('actions.time')}
          error={(tried ? problem : undefined) ?? failure?.fieldErrors.dueAt?.[0]}
        >
          {(control) => (
            <input
              {...control}
              data-autofocus
              type="time"
              value={time}
              onChange={(event) => setTime(event.target.value)}
            />
          )}
        </FormField>
      </fieldset>
      {dueAt && (
        <p className="field-hint">
          {t('actions.callback.yourTime', { time: formatInZone(dueAt, timeZone, locale) })}
        </p>
      )}
      <FormField label={t('actions.notes')} error={failure?.fieldErrors.note?.[0]}>
        {(control) => (
          <textarea
            {...control}
            rows={2}
            maxLength={500}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
        )}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={schedule.isPending}>
          {schedule.isPending ? t('actions.saving') : t('actions.callback.submit')}
        </button>
      </div>
    </form>
  );
}
