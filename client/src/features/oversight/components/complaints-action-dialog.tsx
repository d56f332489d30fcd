import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { FormField } from '../../../components/ui/form-field.tsx';
import { useIdempotencyKey } from '../../../hooks/use-idempotency-key.ts';
import { readApiError } from '../../../lib/api-error.ts';
import {
  useAssignComplaint,
  useComplaintAssigneesQuery,
  useInvestigateComplaint,
  useResolveComplaint,
} from '../api/complaints-api.ts';
import type { ComplaintAction } from './complaints-columns.tsx';

const MIN_RESOLUTION = 10;

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
  const [assigneeId, setAssigneeId] = useState('');
  const [resolution, setResolution] = useState('');
  const [tried, setTried] = useState(false);
  const row = pending?.row;
  const action = pending?.action ?? 'assign';
  const mutation = action === 'assign' ? assign : action === 'investigate' ? investigate : resolve;
  const failure = mutation.error ? readApiError(mutation.error) : null;
  const ref = { accountRef: row?.accountRef ?? '' };
  const problem =
    action === 'assign'
      ? assigneeId === ''
        ? t('complaints.pickAssignee')
        : undefined
      : action === 'resolve' && resolution.trim().length < MIN_RESOLUTION
        ? t('complaints.resolutionTooShort', { count: MIN_RESOLUTION })
        : undefined;

  function close() {
    setAssigneeId('');
    setResolution('');
    setTried(false);
    assign.reset();
    investigate.reset();
    resolve.reset();
    onClose();
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setTried(true);
    if (!row || problem) return;
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
        { idempotencyKey: idempotency.key, complaintId: row.id, resolution: resolution.trim() },
        { onSuccess: done },
      );
  }

  return (
    <Dialog
      open={pending !== null}
      onClose={close}
      title={t(`complaints.dialogTitle.${action}`, ref)}
      description={row?.description}
    >
      <form className="action-form" onSubmit={submit} noValidate>
        {failure && (
          <div role="alert" className="form-alert">
            {failure.message}
          </div>
        )}
        {action === 'assign' && (
          <FormField
            label={t('complaints.assignee')}
            error={(tried ? problem : undefined) ?? failure?.fieldErrors.assigneeId?.[0]}
          >
            {(control) => (
              <select {...control} value={assigneeId} onChange={(event) => setAssigneeId(event.target.value)}>
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
          </FormField>
        )}
        {action === 'investigate' && <p>{t('complaints.investigateIntro')}</p>}
        {action === 'resolve' && (
          <FormField
            label={t('complaints.resolution')}
            error={(tried ? problem : undefined) ?? failure?.fieldErrors.resolution?.[0]}
          >
            {(control) => (
              <textarea
                {...control}
                rows={4}
                maxLength={4000}
                value={resolution}
                onChange={(event) => setResolution(event.target.value)}
              />
            )}
          </FormField>
        )}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={mutation.isPending}>
            {mutation.isPending ? t('complaints.saving') : t(`complaints.confirm.${action}`)}
          </button>
          <button type="button" className="button" onClick={close}>
            {t('complaints.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
