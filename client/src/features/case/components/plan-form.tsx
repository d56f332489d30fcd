import { PLAN_FREQUENCIES } from '@arrears/shared/domain/enums';
import { recordPlanInput } from '@arrears/shared/schemas/payments';
import { useTranslation } from 'react-i18next';
import { SchemaField } from '../../../components/form/schema-field.tsx';
import { Options } from '../../../components/ui/options.tsx';
import { useRecordPlan } from '../api/use-record-plan.ts';
import { useActionCase } from '../hooks/action-case.tsx';
import { amountText } from '../hooks/amount.ts';
import { type MoneyFormProps, useMoneyForm } from '../hooks/money-form.ts';
import { useActionForm } from '../hooks/use-action-form.ts';
import { ActionForm } from './action-form.tsx';
import { AmountField, PromiseDayField } from './money-fields.tsx';

const installments = recordPlanInput.shape.installmentCount;

/** A payment plan: a total split into installments, each of which becomes a promise. */
export function PlanForm(props: MoneyFormProps) {
  const { t } = useTranslation();
  const { caseId, expectedVersion } = useActionCase();
  const money = useMoneyForm(props);
  const { action, form } = useActionForm(
    useRecordPlan(caseId),
    props.onDone,
    recordPlanInput.pick({ installmentCount: true, frequency: true }).extend({
      totalMinor: amountText(props.currency, props.balanceMinor),
      startDate: money.promiseDay(recordPlanInput.shape.startDate),
    }),
    {
      defaultValues: { totalMinor: '', installmentCount: 3, frequency: 'monthly', startDate: money.today },
      messages: {
        totalMinor: money.amountMessage,
        installmentCount: t('actions.plan.countRange', {
          min: installments.minValue,
          max: installments.maxValue,
        }),
        startDate: money.dayMessage,
      },
    },
  );

  return (
    <ActionForm
      form={form}
      action={action}
      submitLabel={t('actions.plan.submit')}
      summarizeProblems
      onValid={(value) =>
        action.send({
          caseId,
          currency: props.currency,
          ...value,
          ...expectedVersion,
        })
      }
    >
      <AmountField
        form={form}
        name="totalMinor"
        label={t('actions.plan.total', { currency: props.currency })}
        money={money}
      />
      <SchemaField form={form} name="installmentCount" label={t('actions.plan.count')}>
        {(control) => (
          <input
            {...control}
            {...form.register('installmentCount', { valueAsNumber: true })}
            type="number"
            min={installments.minValue ?? undefined}
            max={installments.maxValue ?? undefined}
          />
        )}
      </SchemaField>
      <SchemaField form={form} name="frequency" label={t('actions.plan.frequency')}>
        {(control) => (
          <select {...control}>
            <Options values={PLAN_FREQUENCIES} label={(value) => t(`actions.frequency.${value}`)} />
          </select>
        )}
      </SchemaField>
      <PromiseDayField form={form} name="startDate" label={t('actions.plan.startDate')} money={money} />
    </ActionForm>
  );
}
