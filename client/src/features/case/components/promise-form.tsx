import { recordPromiseInput } from '@arrears/shared/schemas/payments';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { useRecordPromise } from '../api/use-record-promise.ts';
import { useActionCase } from '../hooks/action-case.tsx';
import { amountText } from '../hooks/amount.ts';
import { type MoneyFormProps, useMoneyForm } from '../hooks/money-form.ts';
import { useActionForm } from '../hooks/use-action-form.ts';
import { ActionForm } from './action-form.tsx';
import { AmountField, PromiseDayField } from './money-fields.tsx';

/** A promise to pay an amount by a day of the debtor's calendar, from their today to 90 days out. */
export function PromiseForm(props: MoneyFormProps) {
  const { t } = useTranslation();
  const { caseId, expectedVersion } = useActionCase();
  const money = useMoneyForm(props);
  const { action, form } = useActionForm(
    useRecordPromise(caseId),
    props.onDone,
    z.object({
      amountMinor: amountText(props.currency, props.balanceMinor),
      dueDate: money.promiseDay(recordPromiseInput.shape.dueDate),
    }),
    {
      defaultValues: { amountMinor: '', dueDate: money.today },
      messages: { amountMinor: money.amountMessage, dueDate: money.dayMessage },
    },
  );

  return (
    <ActionForm
      form={form}
      action={action}
      submitLabel={t('actions.promise.submit')}
      summarizeProblems
      onValid={(value) =>
        action.send({
          caseId,
          amountMinor: value.amountMinor,
          currency: props.currency,
          dueDate: value.dueDate,
          ...expectedVersion,
        })
      }
    >
      <AmountField form={form} name="amountMinor" money={money} />
      <PromiseDayField form={form} name="dueDate" label={t('actions.promise.dueDate')} money={money} />
    </ActionForm>
  );
}
