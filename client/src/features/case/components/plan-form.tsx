import { PLAN_FREQUENCIES } from '@arrears/shared/domain/enums';
import { recordPlanInput } from '@arrears/shared/schemas/payments';
import { useTranslation } from 'react-i18next';
import { SchemaField } from '../../../components/form/schema-field.tsx';
import { Options } from '../../../components/ui/options.tsx';
import { useSchemaForm } from '../../../lib/schema-form.ts';
import { useRecordPlan } from '../api/use-record-plan.ts';
import { amountText } from '../hooks/amount.ts';
import { useMoneyForm } from '../hooks/money-form.ts';
import { expectedVersionOf, useCaseAction } from '../hooks/use-case-action.ts';
import { ActionForm } from './action-form.tsx';
import { AmountField } from './amount-field.tsx';
import type { MoneyFormProps } from './promise-form.tsx';

const installments = recordPlanInput.shape.installmentCount;

/** A payment plan: a total split into installments, each of which becomes a promise. */
export function PlanForm(props: MoneyFormProps) {
  const { t } = useTranslation();
  const money = useMoneyForm(props);
  const action = useCaseAction(useRecordPlan(props.caseId), props.onDone);
  const form = useSchemaForm(
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
      serverErrors: action.failure?.fieldErrors,
    },
  );

  return (
    <ActionForm
      form={form}
      action={action}
      debtorZone={props.debtorZone}
      submitLabel={t('actions.plan.submit')}
      summarizeProblems
      onValid={(value) =>
        action.send({
          caseId: props.caseId,
          currency: props.currency,
          ...value,
          ...expectedVersionOf(props.caseVersion),
        })
      }
    >
      <AmountField
        form={form}
        name="totalMinor"
        label={t('actions.plan.total', { currency: props.currency })}
        currency={props.currency}
        owed={money.owed}
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
      <SchemaField
        form={form}
        name="startDate"
        label={t('actions.plan.startDate')}
        hint={t('actions.promise.dueDateHint')}
      >
        {(control) => <input {...control} type="date" min={money.today} max={money.latest} />}
      </SchemaField>
    </ActionForm>
  );
}
