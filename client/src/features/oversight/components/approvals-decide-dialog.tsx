import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { FormField } from '../../../components/ui/form-field.tsx';
import { useIdempotencyKey } from '../../../hooks/use-idempotency-key.ts';
import { readApiError } from '../../../lib/api-error.ts';
import { useDecideEscalation } from '../api/approvals-api.ts';
import type { Decision } from './approvals-columns.tsx';

const MIN_REASON = 3;

/** Approve or reject one request with a reason; the reason is kept on the request and in the audit trail. */
export function ApprovalsDecideDialog({
  decision,
  onClose,
  onDecided,
}: {
  decision: Decision | null;
  onClose: () => void;
  onDecided: (message: string) => void;
}) {
  const { t } = useTranslation();
  const idempotency = useIdempotencyKey();
  const decide = useDecideEscalation();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const row = decision?.row;
  const approve = decision?.approve ?? true;
  const problem = reason.trim().length < MIN_REASON ? t('approvals.reasonTooShort') : undefined;
  const failure = decide.error ? readApiError(decide.error) : null;
  const what = row ? { kind: t(`actions.escalation.${row.kind}`), accountRef: row.accountRef } : {};

  function close() {
    setReason('');
    setTried(false);
    decide.reset();
    onClose();
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setTried(true);
    if (!row || problem) return;
    decide.mutate(
      { idempotencyKey: idempotency.key, requestId: row.requestId, approve, reason: reason.trim() },
      {
        onSuccess: () => {
          idempotency.renew();
          onDecided(t(approve ? 'approvals.approved' : 'approvals.rejected', what));
          close();
        },
      },
    );
  }

  return (
    <Dialog
      open={decision !== null}
      onClose={close}
      title={t(approve ? 'approvals.approveTitle' : 'approvals.rejectTitle', what)}
      description={row ? row.requestReason : undefined}
    >
      <form className="action-form" onSubmit={submit} noValidate>
        {failure && (
          <div role="alert" className="form-alert">
            {failure.message}
          </div>
        )}
        <FormField
          label={t('approvals.reason')}
          error={(tried ? problem : undefined) ?? failure?.fieldErrors.reason?.[0]}
        >
          {(control) => (
            <textarea
              {...control}
              rows={3}
              maxLength={2000}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
          )}
        </FormField>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={decide.isPending}>
            {decide.isPending
              ? t('approvals.saving')
              : t(approve ? 'approvals.confirmApprove' : 'approvals.confirmReject')}
          </button>
          <button type="button" className="button" onClick={close}>
            {t('approvals.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
