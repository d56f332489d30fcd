import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../../components/ui/form-field.tsx';
import { useIdempotencyKey } from '../../../hooks/use-idempotency-key.ts';
import { useSessionUser } from '../../../lib/session.tsx';
import {
  useRecordBankruptcy,
  useRecordCease,
  useRecordDeath,
  useRecordDispute,
} from '../api/use-record-flag.ts';
import { readActionError } from '../hooks/action-error.ts';
import { dayInZone, instantFromWallTime, timeInZone } from '../hooks/zoned-input.ts';
import { ActionFailureAlert } from './action-failure.tsx';

export type DebtorEventKind = 'dispute' | 'cease' | 'bankruptcy' | 'death';

export interface DebtorEventFormProps {
  caseId: string;
  kind: DebtorEventKind;
  caseVersion: number | undefined;
  debtorZone: string | undefined;
  onDone: () => void;
}

const MIN_REASON = 3;

/**
 * A dispute, a cease request, a bankruptcy filing or a death: each dated (when it reached the agency, was
 * filed, happened; in the agent's clock), and a dispute with the debtor's reason. The compliance engine reads
 * the fact from the moment it is saved.
 */
export function DebtorEventForm({ caseId, kind, caseVersion, debtorZone, onDone }: DebtorEventFormProps) {
  const idempotency = useIdempotencyKey();
  const { t } = useTranslation();
  const { timeZone } = useSessionUser();
  const mutations = {
    dispute: useRecordDispute(caseId),
    cease: useRecordCease(caseId),
    bankruptcy: useRecordBankruptcy(caseId),
    death: useRecordDeath(caseId),
  };
  const mutation = mutations[kind];
  const [opened] = useState(() => new Date());
  const [date, setDate] = useState(() => dayInZone(opened, timeZone));
  const [time, setTime] = useState(() => timeInZone(opened, timeZone));
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);

  const at = instantFromWallTime(date, time, timeZone);
  const problems = {
    when:
      at === null
        ? t('actions.payment.badTime')
        : at.getTime() > Date.now() + 60_000
          ? t('actions.flag.future')
          : undefined,
    reason:
      kind === 'dispute' && reason.trim().length < MIN_REASON ? t('actions.flag.reasonNeeded') : undefined,
  };
  const hasProblems = Object.values(problems).some(Boolean);
  const failure = mutation.error ? readActionError(mutation.error) : null;
  const whenField = { dispute: 'receivedAt', cease: 'receivedAt', bankruptcy: 'filedAt', death: 'diedAt' }[
    kind
  ];

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setTried(true);
    if (hasProblems || at === null || mutation.isPending) {
      event.currentTarget.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    const iso = new Date(Math.min(at.getTime(), Date.now())).toISOString();
    const version = caseVersion === undefined ? {} : { expectedVersion: caseVersion };
    const done = {
      onSuccess: () => {
        idempotency.renew();
        onDone();
      },
    };
    if (kind === 'dispute')
      mutations.dispute.mutate(
        { idempotencyKey: idempotency.key, caseId, reason: reason.trim(), receivedAt: iso, ...version },
        done,
      );
    if (kind === 'cease')
      mutations.cease.mutate({ idempotencyKey: idempotency.key, caseId, receivedAt: iso, ...version }, done);
    if (kind === 'bankruptcy')
      mutations.bankruptcy.mutate(
        { idempotencyKey: idempotency.key, caseId, filedAt: iso, ...version },
        done,
      );
    if (kind === 'death')
      mutations.death.mutate({ idempotencyKey: idempotency.key, caseId, diedAt: iso, ...version }, done);
  }

  return (
    <form className="action-form" onSubmit={submit} noValidate>
      <ActionFailureAlert failure={failure} debtorZone={debtorZone} />
      <p className="form-consequence">{t(`actions.flag.consequence.${kind}`)}</p>
      {kind === 'dispute' && (
        <FormField
          label={t('actions.flag.disputeReason')}
          error={(tried ? problems.reason : undefined) ?? failure?.fieldErrors.reason?.[0]}
        >
          {(control) => (
            <textarea
              {...control}
              data-autofocus
              rows={3}
              maxLength={2000}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
          )}
        </FormField>
      )}
      <fieldset className="field-pair">
        <legend>{t(`actions.flag.when.${kind}`, { zone: timeZone })}</legend>
        <FormField
          label={t('actions.date')}
          error={(tried ? problems.when : undefined) ?? failure?.fieldErrors[whenField]?.[0]}
        >
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
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {mutation.isPending ? t('actions.saving') : t(`actions.flag.submit.${kind}`)}
        </button>
      </div>
    </form>
  );
}
