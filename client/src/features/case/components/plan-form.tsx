import type { PLAN_FREQUENCIES } from '@arrears/shared/domain/enums';
import { formatMoney } from '@arrears/shared/domain/money';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../../components/ui/form-field.tsx';
import { useIdempotencyKey } from '../../../hooks/use-idempotency-key.ts';
import { useSessionUser } from '../../../lib/session.tsx';
import { useRecordPlan } from '../api/use-record-plan.ts';
import { readActionError } from '../hooks/action-error.ts';
import { checkAmount } from '../hooks/amount.ts';
import { addDays, dayInZone } from '../hooks/zoned-input.ts';
import { ActionFailureAlert } from './action-failure.tsx';
import { AmountField } from './amount-field.tsx';
import type { MoneyFormProps } from './promise-form.tsx';

type Frequency = (typeof PLAN_FREQUENCIES)[number];
const FREQUENCIES = Object.keys({ weekly: true, biweekly: true, monthly: true } satisfies Record<
  Frequency,
  true
>) as Frequency[];
/** The server's bounds (payments contract): 2–36 installments, the first within 90 days. */
const MIN_INSTALLMENTS = 2;
const MAX_INSTALLMENTS = 36;
const MAX_DAYS_AHEAD = 90;

/** A payment plan: a total split into installments, each of which becomes a promise. */
export function PlanForm(props: MoneyFormProps) {
  const idempotency = useIdempotencyKey();
  const { t } = useTranslation();
  const { locale } = useSessionUser();
  const record = useRecordPlan(props.caseId);
  const today = dayInZone(new Date(), props.debtorZone);
  const latest = addDays(today, MAX_DAYS_AHEAD);
  const [total, setTotal] = useState('');
  const [count, setCount] = useState('3');
  const [frequency, setFrequency] = useState<Frequency>('monthly');
  const [startDate, setStartDate] = useState(today);
  const [tried, setTried] = useState(false);

  const checked = checkAmount(total, props.currency, props.balanceMinor);
  const owed = formatMoney(props.balanceMinor, props.currency, locale);
  const installments = Number(count);
  const problems = {
    totalMinor: 'problem' in checked ? t(`actions.amount.${checked.problem}`, { owed }) : undefined,
    installmentCount:
      Number.isInteger(installments) && installments >= MIN_INSTALLMENTS && installments <= MAX_INSTALLMENTS
        ? undefined
        : t('actions.plan.countRange', { min: MIN_INSTALLMENTS, max: MAX_INSTALLMENTS }),
    startDate:
      startDate < today || startDate > latest || !/^\d{4}-\d{2}-\d{2}$/.test(startDate)
        ? t('actions.promise.dateRange', { count: MAX_DAYS_AHEAD })
        : undefined,
  };
  const hasProblems = Object.values(problems).some(Boolean);
  const failure = record.error ? readActionError(record.error) : null;
  const show = (field: keyof typeof problems) =>
    (tried ? problems[field] : undefined) ?? failure?.fieldErrors[field]?.[0];

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setTried(true);
    if (hasProblems || 'problem' in checked) {
      event.currentTarget.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    record.mutate(
      {
        idempotencyKey: idempotency.key,
        caseId: props.caseId,
        totalMinor: checked.amountMinor,
        currency: props.currency,
        installmentCount: installments,
        frequency,
        startDate,
        ...(props.caseVersion === undefined ? {} : { expectedVersion: props.caseVersion }),
      },
      {
        onSuccess: () => {
          idempotency.renew();
          props.onDone();
        },
      },
    );
  }

  return (
    <form className="action-form" onSubmit={submit} noValidate>
      <ActionFailureAlert
        failure={failure}
        localProblem={tried && hasProblems ? t('actions.fixFields') : null}
        debtorZone={props.debtorZone}
      />
      <AmountField
        label={t('actions.plan.total', { currency: props.currency })}
        currency={props.currency}
        owed={owed}
        value={total}
        onChange={setTotal}
        error={show('totalMinor')}
      />
      <FormField label={t('actions.plan.count')} error={show('installmentCount')}>
        {(control) => (
          <input
            {...control}
            type="number"
            min={MIN_INSTALLMENTS}
            max={MAX_INSTALLMENTS}
            value={count}
            onChange={(event) => setCount(event.target.value)}
          />
        )}
      </FormField>
      <FormField label={t('actions.plan.frequency')}>
        {(control) => (
          <select
            {...control}
            value={frequency}
            onChange={(event) => setFrequency(event.target.value as Frequency)}
          >
            {FREQUENCIES.map((value) => (
              <option key={value} value={value}>
                {t(`actions.frequency.${value}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField
        label={t('actions.plan.startDate')}
        hint={t('actions.promise.dueDateHint')}
        error={show('startDate')}
      >
        {(control) => (
          <input
            {...control}
            type="date"
            min={today}
            max={latest}
            value={startDate}
            onChange={(event) => setStartDate(event.target.value)}
          />
        )}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={record.isPending}>
          {record.isPending ? t('actions.saving') : t('actions.plan.submit')}
        </button>
      </div>
    </form>
  );
}
