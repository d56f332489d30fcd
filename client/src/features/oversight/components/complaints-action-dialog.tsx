import { complaintAssignInput, complaintResolveInput } from '@arrears/shared/schemas/supervision';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { DialogForm } from '../../../components/form/dialog-form.tsx';
import { SchemaField } from '../../../components/form/schema-field.tsx';
import { useIdempotencyKey } from '../../../hooks/use-idempotency-key.ts';
import { complaints } from '../../../i18n/en/complaints.ts';
import { registerEnglish } from '../../../i18n/i18n.ts';
import { readApiError } from '../../../lib/api-error.ts';
import { tooShort, useSchemaForm } from '../../../lib/schema-form.ts';
import {
  useAssignComplaint,
  useComplaintAssigneesQuery,
  useInvestigateComplaint,
  useResolveComplaint,
} from '../api/complaints-api.ts';
import type { ComplaintAction } from './complaints-columns.tsx';

registerEnglish({ complaints });

/** Each action checks only its own field; the other stays as typed. */
const other = { assigneeId: z.string(), resolution: z.string() };
const SCHEMAS = {
  assign: z.object({ ...other, ...complaintAssignInput.pick({ assigneeId: true }).shape }),
  investigate: z.object(other),
  resolve: z.object({ ...other, ...complaintResolveInput.pick({ resolution: true }).shape }),
};
const MIN_RESOLUTION = complaintResolveInput.shape.resolution.minLength ?? 0;

/** Assign, start investigating or resolve one complaint; each is one audited write on the server. */
export function ComplaintsActionDialog({
  pending,
  onClose,
  onDone,
}: {
  pending: ComplaintAction | null;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const idempotency = useIdempotencyKey();
  const assign = useAssignComplaint();
  const investigate = useInvestigateComplaint();
  const resolve = useResolveComplaint();
  const assignees = useComplaintAssigneesQuery(pending !== null);
  const row = pending?.row;
  const action = pending?.action ?? 'assign';
  const mutation = action === 'assign' ? assign : action === 'investigate' ? investigate : resolve;
  const failure = mutation.error ? readApiError(mutation.error) : null;
  const ref = { accountRef: row?.accountRef ?? '' };
  const form = useSchemaForm(SCHEMAS[action], {
    defaultValues: { assigneeId: '', resolution: '' },
    messages: {
      assigneeId: t('complaints.pickAssignee'),
      resolution: tooShort(t('complaints.resolutionTooShort', { count: MIN_RESOLUTION })),
    },
    serverErrors: failure?.fieldErrors,
  });

  function close() {
    form.reset();
    assign.reset();
    investigate.reset();
    resolve.reset();
    onClose();
  }

  const submit = form.handleSubmit(({ assigneeId, resolution }) => {
    if (!row) return;
    const done = () => {
      idempotency.renew();
      onDone(t(`complaints.done.${action}`, ref));
      close();
    };
    if (action === 'assign')
      assign.mutate(
        { idempotencyKey: idempotency.key, complaintId: row.id, assigneeId },
        { onSuccess: done },
      );
    else if (action === 'investigate')
      investigate.mutate({ idempotencyKey: idempotency.key, complaintId: row.id }, { onSuccess: done });
    else
      resolve.mutate(
        { idempotencyKey: idempotency.key, complaintId: row.id, resolution },
        { onSuccess: done },
      );
  });

  return (
    <DialogForm
      open={pending !== null}
      onClose={close}
      title={t(`complaints.dialogTitle.${action}`, ref)}
      description={row?.description}
      onSubmit={submit}
      error={failure?.message}
      submitLabel={t(`complaints.confirm.${action}`)}
      pending={mutation.isPending}
      pendingLabel={t('complaints.saving')}
      cancelLabel={t('complaints.cancel')}
    >
      {action === 'assign' && (
        <SchemaField form={form} name="assigneeId" label={t('complaints.assignee')}>
          {(control) => (
            <select {...control}>
              <option value="">
                {assignees.isLoading ? t('complaints.loadingAssignees') : t('complaints.chooseAssignee')}
              </option>
              {(assignees.data ?? [])
                .filter((person) => row?.teamId != null && person.teamIds.includes(row.teamId))
                .map((person) => (
                  <option key={person.id} value={person.id}>
                    {t('complaints.assigneeOption', {
                      name: person.name,
                      role: t(`enums.role.${person.role}`),
                    })}
                  </option>
                ))}
            </select>
          )}
        </SchemaField>
      )}
      {action === 'investigate' && <p>{t('complaints.investigateIntro')}</p>}
      {action === 'resolve' && (
        <SchemaField form={form} name="resolution" label={t('complaints.resolution')}>
          {(control) => <textarea {...control} rows={4} />}
        </SchemaField>
      )}
    </DialogForm>
  );
}
