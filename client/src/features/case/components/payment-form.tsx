import type { PAYMENT_METHODS } from '@arrears/shared/domain/enums';
import { recordPaymentInput } from '@arrears/shared/schemas/payments';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SchemaField } from '../../../components/form/schema-field.tsx';
import { Options } from '../../../components/ui/options.tsx';
import { useSessionUser } from '../../../lib/session.tsx';
import { useRecordPayment } from '../api/use-record-payment.ts';
import { useActionCase } from '../hooks/action-case.tsx';
import { amountText } from '../hooks/amount.ts';
import { type MoneyFormProps, useMoneyForm } from '../hooks/money-form.ts';
import {
  checkWallTime,
  notAfterNow,
  typedInstant,
  wallTimeAt,
  wallTimeShape,
} from '../hooks/typed-instant.ts';
import { useActionForm } from '../hooks/use-action-form.ts';
import { ActionForm } from './action-form.tsx';
import { AmountField } from './money-fields.tsx';
import { WallTimeFields } from './wall-time-fields.tsx';

type PaymentMethod = (typeof PAYMENT_METHODS)[number];
/** In the order an agent meets them. */
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
  const { timeZone } = useSessionUser();
  const { caseId } = useActionCase();
  const money = useMoneyForm(props);
  // Left as it opened, the time means "now": the instant the form opened, to the millisecond. Fixed at opening,
  // so a retry with the same idempotency key sends the same request.
  const [opened] = useState(() => new Date());
  const { action, form } = useActionForm(
    useRecordPayment(caseId),
    props.onDone,
    recordPaymentInput
      .pick({ method: true })
      .extend({ amountMinor: amountText(props.currency, props.balanceMinor), ...wallTimeShape })
      .superRefine(checkWallTime(timeZone, 'past', opened)),
    {
      defaultValues: { amountMinor: '', method: 'card', ...wallTimeAt(opened, timeZone) },
      messages: {
        amountMinor: money.amountMessage,
        date: (error) => t(error.message === 'future' ? 'actions.payment.future' : 'actions.payment.badTime'),
      },
      serverFieldNames: { receivedAt: 'date' },
    },
  );

  return (
    <ActionForm
      form={form}
      action={action}
      submitLabel={t('actions.payment.submit')}
      summarizeProblems
      onValid={(value) => {
        const receivedAt = typedInstant(value, timeZone, opened);
        if (!receivedAt) return;
        action.send({
          caseId,
          amountMinor: value.amountMinor,
          currency: props.currency,
          method: value.method,
          // Never later than now: the minute typed may be the current one, a few seconds ahead of the server.
          receivedAt: notAfterNow(receivedAt),
          // No expectedVersion: money received is a fact whatever else changed, and a retry after a lost answer
          // (the first attempt moved the version) must reach the idempotency check, not a stale-version refusal.
        });
      }}
    >
      <AmountField form={form} name="amountMinor" money={money} />
      <SchemaField form={form} name="method" label={t('actions.payment.method')}>
        {(control) => (
          <select {...control}>
            <Options values={METHODS} label={(value) => t(`actions.paymentMethod.${value}`)} />
          </select>
        )}
      </SchemaField>
      <WallTimeFields form={form} legend={t('actions.payment.receivedAt', { zone: timeZone })} />
    </ActionForm>
  );
}
