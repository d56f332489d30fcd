import type { EscalationKind } from '@arrears/shared/domain/enums';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../../components/ui/form-field.tsx';
import { useIdempotencyKey } from '../../../hooks/use-idempotency-key.ts';
import { useRequestEscalation } from '../api/use-request-escalation.ts';
import { readActionError } from '../hooks/action-error.ts';
import { ActionFailureAlert } from './action-failure.tsx';

const MIN_REASON = 10;

export interface EscalationFormProps {
  caseId: string;
  kind: EscalationKind;
  debtorZone: string | undefined;
  onDone: () => void;
}

/** Asks a supervisor to approve a step up the ladder; nothing reaches the debtor until it is approved. */
export function EscalationForm({ caseId, kind, debtorZone, onDone }: EscalationFormProps) {
  const idempotency = useIdempotencyKey();
  const { t } = useTranslation();
  const request = useRequestEscalation(caseId);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const problem =
    reason.trim().length < MIN_REASON ? t('actions.reasonTooShort', { count: MIN_REASON }) : undefined;
  const failure = request.error ? readActionError(request.error) : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setTried(true);
    if (problem) {
      event.currentTarget.querySelector<HTMLElement>('textarea')?.focus();
      return;
    }
    request.mutate(
      { idempotencyKey: idempotency.key, caseId, kind, reason: reason.trim() },
      {
        onSuccess: () => {
          idempotency.renew();
          onDone();
        },
      },
    );
  }

  return (
    <form className="action-form" onSubmit={submit} noValidate>
      <ActionFailureAlert failure={failure} debtorZone={debtorZone} />
      <p>{t('actions.escalationIntro')}</p>
      <FormField
        label={t('actions.reason')}
        error={(tried ? problem : undefined) ?? failure?.fieldErrors.reason?.[0]}
      >
        {(control) => (
          <textarea
            {...control}
            rows={4}
            maxLength={2000}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        )}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={request.isPending}>
          {request.isPending
            ? t('actions.saving')
            : t('actions.requestLabel', { escalation: t(`actions.escalation.${kind}`) })}
        </button>
      </div>
    </form>
  );
}
