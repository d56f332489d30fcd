import { useTranslation } from 'react-i18next';
import { SchemaField, type SchemaFieldForm } from '../../../components/form/schema-field.tsx';
import { amountExample } from '../hooks/amount.ts';

interface AmountFieldProps<N extends string> {
  form: SchemaFieldForm<N>;
  name: N;
  label: string;
  currency: string;
  /** What is owed, already formatted, shown in the hint as the upper bound. */
  owed: string;
}

/** The decimal amount box of the money forms (promise, plan, payment); it takes the form's first focus. */
export function AmountField<N extends string>({ form, name, label, currency, owed }: AmountFieldProps<N>) {
  const { t } = useTranslation();
  return (
    <SchemaField
      form={form}
      name={name}
      label={label}
      hint={t('actions.amountHint', { example: amountExample(currency), owed })}
    >
      {(control) => (
        <input {...control} data-autofocus inputMode="decimal" autoComplete="off" className="amount-input" />
      )}
    </SchemaField>
  );
}
