import { daysAfter } from '@arrears/shared/domain/calendar';
import type { ActionPreview } from '@arrears/shared/schemas/compliance';
import { scheduleFieldVisitInput } from '@arrears/shared/schemas/escalations';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { SchemaField } from '../../../components/form/schema-field.tsx';
import { maxLengthOf } from '../../../lib/schema-form.ts';
import { useScheduleFieldVisit } from '../api/use-schedule-field-visit.ts';
import { useActionCase } from '../hooks/action-case.tsx';
import { checkWallTime, typedInstant, wallTimeShape } from '../hooks/typed-instant.ts';
import { useActionForm } from '../hooks/use-action-form.ts';
import { zoneCity } from '../hooks/zone-time.ts';
import { dayInZone } from '../hooks/zoned-input.ts';
import { ActionForm } from './action-form.tsx';
import { WallTimeFields } from './wall-time-fields.tsx';

/** The address is one of the previews; the recording reference is optional, so empty is allowed here. */
const visitSchema = z.object({ addressId: z.string(), recordingRef: z.string(), ...wallTimeShape });
const RECORDING_REF_MAX = maxLengthOf(scheduleFieldVisitInput, 'recordingRef');

export interface FieldVisitFormProps {
  /** The field-visit previews of compliance.check: one per address on file. */
  addresses: ActionPreview[];
  /** The zone the slot is typed in: the debtor's, else the agent's. */
  debtorZone: string;
  onDone: (scheduledFor: Date) => void;
}

/**
 * Books a visit a supervisor approved, at a slot typed in the debtor's clock. The guard judges the visit at that
 * slot (time of day, visits per 30 days) and refuses it with the rule when it may not happen then.
 */
export function FieldVisitForm({ addresses, debtorZone, onDone }: FieldVisitFormProps) {
  const { t } = useTranslation();
  const { caseId } = useActionCase();
  // The submit reports the slot it booked itself (see `action.send` below).
  const { action, form } = useActionForm(
    useScheduleFieldVisit(caseId),
    () => {},
    visitSchema.superRefine(checkWallTime(debtorZone, 'future')),
    {
      defaultValues: {
        addressId: addresses[0]?.contactPointId ?? '',
        date: dayInZone(daysAfter(Date.now(), 1), debtorZone),
        time: '',
        recordingRef: '',
      },
      messages: {
        time: (error) =>
          t(error.message === 'past' ? 'approvals.schedule.past' : 'approvals.schedule.pickTime'),
      },
      serverFieldNames: { scheduledFor: 'time' },
    },
  );

  return (
    <ActionForm
      form={form}
      action={action}
      submitLabel={t('approvals.schedule.submit')}
      pendingLabel={t('approvals.saving')}
      onValid={(value) => {
        const at = typedInstant(value, debtorZone);
        const recordingRef = value.recordingRef.trim();
        if (!at || value.addressId === '') return;
        action.send(
          {
            caseId,
            addressId: value.addressId,
            scheduledFor: at.toISOString(),
            ...(recordingRef ? { recordingRef } : {}),
          },
          () => onDone(at),
        );
      }}
    >
      <SchemaField form={form} name="addressId" label={t('approvals.schedule.address')}>
        {(control) => (
          <select {...control}>
            {addresses.map((address) => (
              <option key={address.contactPointId} value={address.contactPointId ?? ''}>
                {address.contactPointLabel}
              </option>
            ))}
          </select>
        )}
      </SchemaField>
      <WallTimeFields
        form={form}
        legend={t('approvals.schedule.when', { city: zoneCity(debtorZone) })}
        dateLabel={t('approvals.schedule.date')}
        timeLabel={t('approvals.schedule.time')}
        focusTime
      />
      <SchemaField
        form={form}
        name="recordingRef"
        label={t('approvals.schedule.recordingRef')}
        hint={t('approvals.schedule.recordingHint')}
      >
        {(control) => <input {...control} type="text" maxLength={RECORDING_REF_MAX} />}
      </SchemaField>
    </ActionForm>
  );
}
