import { useTranslation } from 'react-i18next';
import { SchemaField, type SchemaFieldForm } from '../../../components/form/schema-field.tsx';
import { amountExample } from '../hooks/amount.ts';
import type { MoneyForm } from '../hooks/money-form.ts';

interface MoneyFieldProps<N extends string> {
  form: SchemaFieldForm<N>;
  name: N;
  /** What `useMoneyForm` worked out: the currency, what is owed, the days a promise may fall on. */
  money: MoneyForm;
}

/**
 * The decimal amount box of the money forms (promise, plan, payment), labelled with the currency unless told
 * otherwise; it takes the form's first focus.
 */
export function AmountField<N extends string>({
  form,
  name,
  money,
  label,
}: MoneyFieldProps<N> & { label?: string }) {
  const { t } = useTranslation();
  return (
    <SchemaField
      form={form}
      name={name}
      label={label ?? t('actions.amountLabel', { currency: money.currency })}
      hint={t('actions.amountHint', { example: amountExample(money.currency), owed: money.owed })}
    >
      {(control) => (
        <input {...control} data-autofocus inputMode="decimal" autoComplete="off" className="amount-input" />
      )}
    </SchemaField>
  );
}

/** A day a promise falls on (a promise's due date, a plan's first installment): from the debtor's today on. */
export function PromiseDayField<N extends string>({
  form,
  name,
  money,
  label,
}: MoneyFieldProps<N> & { label: string }) {
  const { t } = useTranslation();
  return (
    <SchemaField form={form} name={name} label={label} hint={t('actions.promise.dueDateHint')}>
      {(control) => <input {...control} type="date" min={money.today} max={money.latest} />}
    </SchemaField>
  );
}
