import type { PAYMENT_METHODS } from '@arrears/shared/domain/enums';
import { formatMoney } from '@arrears/shared/domain/money';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../../components/ui/form-field.tsx';
import { useIdempotencyKey } from '../../../hooks/use-idempotency-key.ts';
import { useSessionUser } from '../../../lib/session.tsx';
import { useRecordPayment } from '../api/use-record-payment.ts';
import { readActionError } from '../hooks/action-error.ts';
import { checkAmount } from '../hooks/amount.ts';
import { dayInZone, instantFromWallTime, timeInZone } from '../hooks/zoned-input.ts';
import { ActionFailureAlert } from './action-failure.tsx';
import { AmountField } from './amount-field.tsx';
import type { MoneyFormProps } from './promise-form.tsx';

type PaymentMethod = (typeof PAYMENT_METHODS)[number];
const METHODS = Object.keys({
  card: true,
  bank_transfer: true,
  wallet: true,
  cash: true,
  check: true,
  agency: true,
} satisfies Record<PaymentMethod, true>) as PaymentMethod[];

/**
 * Money received. The idempotency key is made once when the form opens, so a double click, a retry after a
 * lost answer or a resubmit after an error all name the same payment and the server records it once.
 */
export function PaymentForm(props: MoneyFormProps) {
  const { t } = useTranslation();
  const { locale, timeZone } = useSessionUser();
  const record = useRecordPayment(props.caseId);
  const idempotency = useIdempotencyKey();
  const [opened] = useState(() => new Date());
  const [amount, setAmount] = useState('');
  const [method, setMethod] = useState<PaymentMethod>('card');
  const [date, setDate] = useState(() => dayInZone(opened, timeZone));
  const [time, setTime] = useState(() => timeInZone(opened, timeZone));
  const [tried, setTried] = useState(false);

  const checked = checkAmount(amount, props.currency, props.balanceMinor);
  const owed = formatMoney(props.balanceMinor, props.currency, locale);
  // Left as it opened, the time means "now": the instant the form opened, to the millisecond, not the minute's
  // start, which can fall before a promise recorded moments ago and so fail to keep it. Fixed at opening, so a
  // retry with the same idempotency key sends the same request.
  const untouched = date === dayInZone(opened, timeZone) && time === timeInZone(opened, timeZone);
  const receivedAt = untouched ? opened : instantFromWallTime(date, time, timeZone);
  const problems = {
    amountMinor: 'problem' in checked ? t(`actions.amount.${checked.problem}`, { owed }) : undefined,
    receivedAt:
      receivedAt === null
        ? t('actions.payment.badTime')
        : receivedAt.getTime() > Date.now() + 60_000
          ? t('actions.payment.future')
          : undefined,
  };
  const hasProblems = Object.values(problems).some(Boolean);
  const failure = record.error ? readActionError(record.error) : null;
  const show = (field: keyof typeof problems) =>
    (tried ? problems[field] : undefined) ?? failure?.fieldErrors[field]?.[0];

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setTried(true);
    if (record.isPending) return;
    if (hasProblems || 'problem' in checked || receivedAt === null) {
      event.currentTarget.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    record.mutate(
      {
        caseId: props.caseId,
        amountMinor: checked.amountMinor,
        currency: props.currency,
        method,
        // Never later than now: the minute typed may be the current one, a few seconds ahead of the server.
        receivedAt: new Date(Math.min(receivedAt.getTime(), Date.now())).toISOString(),
        idempotencyKey: idempotency.key,
        // No expectedVersion: money received is a fact whatever else changed, and a retry after a lost answer
        // (the first attempt moved the version) must reach the idempotency check, not a stale-version refusal.
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
      <FormField label={t('actions.payment.method')}>
        {(control) => (
          <select
            {...control}
            value={method}
            onChange={(event) => setMethod(event.target.value as PaymentMethod)}
          >
            {METHODS.map((value) => (
              <option key={value} value={value}>
                {t(`actions.paymentMethod.${value}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <fieldset className="field-pair">
        <legend>{t('actions.payment.receivedAt', { zone: timeZone })}</legend>
        <FormField label={t('actions.date')} error={show('receivedAt')}>
          {(control) => (
            <input {...control} type="date" value={date} onChange={(event) => setDate(event.target.value)} />
          )}
        </FormField>
        <FormField label={t('actions.time')}>
          {(control) => (
            <input {...control} type="time" value={time} onChange={(event) => setTime(event.target.value)} />
          )}
        </FormField>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={record.isPending}>
          {record.isPending ? t('actions.saving') : t('actions.payment.submit')}
        </button>
      </div>
    </form>
  );
}
