import { formatMoney } from '@arrears/shared/domain/money';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../../components/ui/form-field.tsx';
import { useIdempotencyKey } from '../../../hooks/use-idempotency-key.ts';
import { useSessionUser } from '../../../lib/session.tsx';
import { useRecordPromise } from '../api/use-record-promise.ts';
import { readActionError } from '../hooks/action-error.ts';
import { checkAmount } from '../hooks/amount.ts';
import { addDays, dayInZone } from '../hooks/zoned-input.ts';
import { ActionFailureAlert } from './action-failure.tsx';
import { AmountField } from './amount-field.tsx';

/** How far ahead the server accepts a promise (payments module, MAX_DAYS_AHEAD). */
const MAX_DAYS_AHEAD = 90;

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
  const idempotency = useIdempotencyKey();
  const { t } = useTranslation();
  const { locale } = useSessionUser();
  const record = useRecordPromise(props.caseId);
  const today = dayInZone(new Date(), props.debtorZone);
  const latest = addDays(today, MAX_DAYS_AHEAD);
  const [amount, setAmount] = useState('');
  const [dueDate, setDueDate] = useState(today);
  const [tried, setTried] = useState(false);

  const checked = checkAmount(amount, props.currency, props.balanceMinor);
  const owed = formatMoney(props.balanceMinor, props.currency, locale);
  const problems = {
    amountMinor: 'problem' in checked ? t(`actions.amount.${checked.problem}`, { owed }) : undefined,
    dueDate:
      !/^\d{4}-\d{2}-\d{2}$/.test(dueDate) || dueDate < today || dueDate > latest
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
        amountMinor: checked.amountMinor,
        currency: props.currency,
        dueDate,
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
        label={t('actions.amountLabel', { currency: props.currency })}
        currency={props.currency}
        owed={owed}
        value={amount}
        onChange={setAmount}
        error={show('amountMinor')}
      />
      <FormField
        label={t('actions.promise.dueDate')}
        hint={t('actions.promise.dueDateHint')}
        error={show('dueDate')}
      >
        {(control) => (
          <input
            {...control}
            type="date"
            min={today}
            max={latest}
            value={dueDate}
            onChange={(event) => setDueDate(event.target.value)}
          />
        )}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={record.isPending}>
          {record.isPending ? t('actions.saving') : t('actions.promise.submit')}
        </button>
      </div>
    </form>
  );
}
