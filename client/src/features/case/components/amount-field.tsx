import { useTranslation } from 'react-i18next';
import { FormField } from '../../../components/ui/form-field.tsx';
import { amountExample } from '../hooks/amount.ts';

interface AmountFieldProps {
  label: string;
  currency: string;
  /** What is owed, already formatted, shown in the hint as the upper bound. */
  owed: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}

/** The decimal amount box of the money forms (promise, plan, payment); it takes the form's first focus. */
export function AmountField(props: AmountFieldProps) {
  const { t } = useTranslation();
  return (
    <FormField
      label={props.label}
      hint={t('actions.amountHint', { example: amountExample(props.currency), owed: props.owed })}
      error={props.error}
    >
      {(control) => (
        <input
          {...control}
          data-autofocus
          inputMode="decimal"
          autoComplete="off"
          className="amount-input"
          value={props.value}
          onChange={(event) => props.onChange(event.target.value)}
        />
      )}
    </FormField>
  );
}
