import { recordPromiseInput } from '@arrears/shared/schemas/payments';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { SchemaField } from '../../../components/form/schema-field.tsx';
import { useSchemaForm } from '../../../lib/schema-form.ts';
import { useRecordPromise } from '../api/use-record-promise.ts';
import { amountText } from '../hooks/amount.ts';
import { useMoneyForm } from '../hooks/money-form.ts';
import { expectedVersionOf, useCaseAction } from '../hooks/use-case-action.ts';
import { ActionForm } from './action-form.tsx';
import { AmountField } from './amount-field.tsx';

export interface MoneyFormProps {
  caseId: string;
  currency: string;
  balanceMinor: number;
  caseVersion: number | undefined;
  /** The debtor's calendar zone: promise dates are days of the debtor's calendar. */
  debtorZone: string;
  onDone: () => void;
}

/** A promise to pay an amount by a day of the debtor's calendar, from their today to 90 days out. */
export function PromiseForm(props: MoneyFormProps) {
  const { t } = useTranslation();
  const money = useMoneyForm(props);
  const action = useCaseAction(useRecordPromise(props.caseId), props.onDone);
  const form = useSchemaForm(
    z.object({
      amountMinor: amountText(props.currency, props.balanceMinor),
      dueDate: money.promiseDay(recordPromiseInput.shape.dueDate),
    }),
    {
      defaultValues: { amountMinor: '', dueDate: money.today },
      messages: { amountMinor: money.amountMessage, dueDate: money.dayMessage },
      serverErrors: action.failure?.fieldErrors,
    },
  );

  return (
    <ActionForm
      form={form}
      action={action}
      debtorZone={props.debtorZone}
      submitLabel={t('actions.promise.submit')}
      summarizeProblems
      onValid={(value) =>
        action.send({
          caseId: props.caseId,
          amountMinor: value.amountMinor,
          currency: props.currency,
          dueDate: value.dueDate,
          ...expectedVersionOf(props.caseVersion),
        })
      }
    >
      <AmountField
        form={form}
        name="amountMinor"
        label={t('actions.amountLabel', { currency: props.currency })}
        currency={props.currency}
        owed={money.owed}
      />
      <SchemaField
        form={form}
        name="dueDate"
        label={t('actions.promise.dueDate')}
        hint={t('actions.promise.dueDateHint')}
      >
        {(control) => <input {...control} type="date" min={money.today} max={money.latest} />}
      </SchemaField>
    </ActionForm>
  );
}
