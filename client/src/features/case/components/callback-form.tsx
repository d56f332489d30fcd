import { scheduleCallbackInput } from '@arrears/shared/schemas/casework';
import { useTranslation } from 'react-i18next';
import { SchemaField } from '../../../components/form/schema-field.tsx';
import { useSessionUser } from '../../../lib/session.tsx';
import { useScheduleCallback } from '../api/use-schedule-callback.ts';
import { useActionCase } from '../hooks/action-case.tsx';
import { checkWallTime, typedInstant, wallTimeShape } from '../hooks/typed-instant.ts';
import { useActionForm } from '../hooks/use-action-form.ts';
import type { CaseFormProps } from '../hooks/use-case-action.ts';
import { formatInZone, zoneCity } from '../hooks/zone-time.ts';
import { dayInZone } from '../hooks/zoned-input.ts';
import { ActionForm } from './action-form.tsx';
import { WallTimeFields } from './wall-time-fields.tsx';

const callbackSchema = scheduleCallbackInput.pick({ note: true }).extend(wallTimeShape);

/**
 * A callback at a time the debtor named, typed in the debtor's clock (that is how they said it), with the
 * agent's own time shown beside it. The call itself is judged by the guard when it is made.
 */
export function CallbackForm({ onDone }: CaseFormProps) {
  const { t } = useTranslation();
  const { locale, timeZone } = useSessionUser();
  const { caseId, expectedVersion, calendarZone: debtorZone } = useActionCase();
  const { action, form } = useActionForm(
    useScheduleCallback(caseId),
    onDone,
    callbackSchema.superRefine(checkWallTime(debtorZone, 'future')),
    {
      defaultValues: { date: dayInZone(new Date(), debtorZone), time: '', note: '' },
      messages: {
        time: (error) => t(error.message === 'past' ? 'actions.callback.past' : 'actions.callback.pickTime'),
      },
      serverFieldNames: { dueAt: 'time' },
    },
  );
  const dueAt = typedInstant({ date: form.watch('date'), time: form.watch('time') }, debtorZone);

  return (
    <ActionForm
      form={form}
      action={action}
      submitLabel={t('actions.callback.submit')}
      onValid={(value) => {
        const at = typedInstant(value, debtorZone);
        if (at) {
          action.send({
            caseId,
            dueAt: at.toISOString(),
            ...(value.note ? { note: value.note } : {}),
            ...expectedVersion,
          });
        }
      }}
    >
      <WallTimeFields
        form={form}
        legend={t('actions.callback.when', { city: zoneCity(debtorZone) })}
        focusTime
      />
      {dueAt && (
        <p className="field-hint">
          {t('actions.callback.yourTime', { time: formatInZone(dueAt, timeZone, locale) })}
        </p>
      )}
      <SchemaField form={form} name="note" label={t('actions.notes')}>
        {(control) => <textarea {...control} rows={2} />}
      </SchemaField>
    </ActionForm>
  );
}
