import { useTranslation } from 'react-i18next';
import { SchemaField, type SchemaFieldForm } from '../../../components/form/schema-field.tsx';

interface WallTimeFieldsProps {
  form: SchemaFieldForm<'date' | 'time'>;
  legend: string;
  /** The time is what the agent types first (a callback): it takes the dialog's first focus. */
  focusTime?: boolean;
  dateLabel?: string;
  timeLabel?: string;
}

/** A date and a time on one clock, named by the legend; a problem with the instant shows beside its field. */
export function WallTimeFields({
  form,
  legend,
  focusTime = false,
  dateLabel,
  timeLabel,
}: WallTimeFieldsProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="field-pair">
      <legend>{legend}</legend>
      <SchemaField form={form} name="date" label={dateLabel ?? t('actions.date')}>
        {(control) => <input {...control} type="date" />}
      </SchemaField>
      <SchemaField form={form} name="time" label={timeLabel ?? t('actions.time')}>
        {(control) => <input {...control} data-autofocus={focusTime || undefined} type="time" />}
      </SchemaField>
    </fieldset>
  );
}
