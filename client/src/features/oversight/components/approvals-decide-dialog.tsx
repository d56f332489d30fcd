import { escalationDecideInput } from '@arrears/shared/schemas/escalations';
import { useTranslation } from 'react-i18next';
import { DialogForm } from '../../../components/form/dialog-form.tsx';
import { SchemaField } from '../../../components/form/schema-field.tsx';
import { useIdempotencyKey } from '../../../hooks/use-idempotency-key.ts';
import { readApiError } from '../../../lib/api-error.ts';
import { tooShort, useSchemaForm } from '../../../lib/schema-form.ts';
import { useDecideEscalation } from '../api/approvals-api.ts';
import type { Decision } from './approvals-columns.tsx';

const decideSchema = escalationDecideInput.pick({ reason: true });

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
  const failure = decide.error ? readApiError(decide.error) : null;
  const form = useSchemaForm(decideSchema, {
    defaultValues: { reason: '' },
    messages: { reason: tooShort(t('approvals.reasonTooShort')) },
    serverErrors: failure?.fieldErrors,
  });
  const row = decision?.row;
  const approve = decision?.approve ?? true;
  const what = row ? { kind: t(`actions.escalation.${row.kind}`), accountRef: row.accountRef } : {};

  function close() {
    form.reset();
    decide.reset();
    onClose();
  }

  return (
    <DialogForm
      open={decision !== null}
      onClose={close}
      title={t(approve ? 'approvals.approveTitle' : 'approvals.rejectTitle', what)}
      description={row ? row.requestReason : undefined}
      onSubmit={form.handleSubmit(({ reason }) => {
        if (!row) return;
        decide.mutate(
          { idempotencyKey: idempotency.key, requestId: row.requestId, approve, reason },
          {
            onSuccess: () => {
              idempotency.renew();
              onDecided(t(approve ? 'approvals.approved' : 'approvals.rejected', what));
              close();
            },
          },
        );
      })}
      error={failure?.message}
      submitLabel={t(approve ? 'approvals.confirmApprove' : 'approvals.confirmReject')}
      pending={decide.isPending}
      pendingLabel={t('approvals.saving')}
      cancelLabel={t('approvals.cancel')}
    >
      <SchemaField form={form} name="reason" label={t('approvals.reason')}>
        {(control) => <textarea {...control} rows={3} />}
      </SchemaField>
    </DialogForm>
  );
}
