import { daysAfter } from '@arrears/shared/domain/calendar';
import type { ActionPreview } from '@arrears/shared/schemas/compliance';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../../components/ui/form-field.tsx';
import { useIdempotencyKey } from '../../../hooks/use-idempotency-key.ts';
import { useScheduleFieldVisit } from '../api/use-schedule-field-visit.ts';
import { readActionError } from '../hooks/action-error.ts';
import { zoneCity } from '../hooks/zone-time.ts';
import { dayInZone, instantFromWallTime } from '../hooks/zoned-input.ts';
import { ActionFailureAlert } from './action-failure.tsx';

export interface FieldVisitFormProps {
  caseId: string;
  /** The field-visit previews of compliance.check: one per address on file. */
  addresses: ActionPreview[];
  debtorZone: string;
  onDone: (scheduledFor: Date) => void;
}

/**
 * Books a visit a supervisor approved, at a slot typed in the debtor's clock. The guard judges the visit at that
 * slot (time of day, visits per 30 days) and refuses it with the rule when it may not happen then.
 */
export function FieldVisitForm({ caseId, addresses, debtorZone, onDone }: FieldVisitFormProps) {
  const idempotency = useIdempotencyKey();
  const { t } = useTranslation();
  const schedule = useScheduleFieldVisit(caseId);
  const [addressId, setAddressId] = useState(addresses[0]?.contactPointId ?? '');
  const [date, setDate] = useState(() => dayInZone(daysAfter(Date.now(), 1), debtorZone));
  const [time, setTime] = useState('');
  const [recordingRef, setRecordingRef] = useState('');
  const [tried, setTried] = useState(false);
  const at = instantFromWallTime(date, time, debtorZone);
  const problem =
    at === null
      ? t('approvals.schedule.pickTime')
      : at.getTime() <= Date.now()
        ? t('approvals.schedule.past')
        : undefined;
  const failure = schedule.error ? readActionError(schedule.error) : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setTried(true);
    if (problem || at === null || addressId === '') {
      event.currentTarget.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    schedule.mutate(
      {
        idempotencyKey: idempotency.key,
        caseId,
        addressId,
        scheduledFor: at.toISOString(),
        ...(recordingRef.trim() ? { recordingRef: recordingRef.trim() } : {}),
      },
      {
        onSuccess: () => {
          idempotency.renew();
          onDone(at);
        },
      },
    );
  }

  return (
    <form className="action-form" onSubmit={submit} noValidate>
      <ActionFailureAlert failure={failure} debtorZone={debtorZone} />
      <FormField label={t('approvals.schedule.address')}>
        {(control) => (
          <select {...control} value={addressId} onChange={(event) => setAddressId(event.target.value)}>
            {addresses.map((address) => (
              <option key={address.contactPointId} value={address.contactPointId ?? ''}>
                {address.contactPointLabel}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <fieldset className="field-pair">
        <legend>{t('approvals.schedule.when', { city: zoneCity(debtorZone) })}</legend>
        <FormField label={t('approvals.schedule.date')}>
          {(control) => (
            <input {...control} type="date" value={date} onChange={(event) => setDate(event.target.value)} />
          )}
        </FormField>
        <FormField
          label={t('approvals.schedule.time')}
          error={(tried ? problem : undefined) ?? failure?.fieldErrors.scheduledFor?.[0]}
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
      <FormField label={t('approvals.schedule.recordingRef')} hint={t('approvals.schedule.recordingHint')}>
        {(control) => (
          <input
            {...control}
            type="text"
            maxLength={200}
            value={recordingRef}
            onChange={(event) => setRecordingRef(event.target.value)}
          />
        )}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={schedule.isPending}>
          {schedule.isPending ? t('approvals.saving') : t('approvals.schedule.submit')}
        </button>
      </div>
    </form>
  );
}
