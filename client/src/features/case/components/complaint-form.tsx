import type { COMPLAINT_CHANNELS } from '@arrears/shared/schemas/casework';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../../components/ui/form-field.tsx';
import { useIdempotencyKey } from '../../../hooks/use-idempotency-key.ts';
import { useRecordComplaint } from '../api/use-record-complaint.ts';
import { readActionError } from '../hooks/action-error.ts';
import { ActionFailureAlert } from './action-failure.tsx';

type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];
const CHANNELS = Object.keys({
  phone: true,
  email: true,
  letter: true,
  sms: true,
  web: true,
  in_person: true,
  regulator: true,
} satisfies Record<ComplaintChannel, true>) as ComplaintChannel[];
const MIN_DESCRIPTION = 10;

export interface ComplaintFormProps {
  caseId: string;
  caseVersion: number | undefined;
  /** The case's agent, whom the complaint may name. */
  assignedAgent: { id: string; name: string } | null;
  debtorZone: string | undefined;
  onDone: () => void;
}

/** A debtor's complaint about how the debt is collected, tied to the case and, if named, the agent. */
export function ComplaintForm({
  caseId,
  caseVersion,
  assignedAgent,
  debtorZone,
  onDone,
}: ComplaintFormProps) {
  const idempotency = useIdempotencyKey();
  const { t } = useTranslation();
  const record = useRecordComplaint(caseId);
  const [channel, setChannel] = useState<ComplaintChannel>('phone');
  const [description, setDescription] = useState('');
  const [namesAgent, setNamesAgent] = useState(false);
  const [tried, setTried] = useState(false);
  const problem =
    description.trim().length < MIN_DESCRIPTION
      ? t('actions.reasonTooShort', { count: MIN_DESCRIPTION })
      : undefined;
  const failure = record.error ? readActionError(record.error) : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setTried(true);
    if (problem) {
      event.currentTarget.querySelector<HTMLElement>('textarea')?.focus();
      return;
    }
    record.mutate(
      {
        idempotencyKey: idempotency.key,
        caseId,
        channel,
        description: description.trim(),
        ...(namesAgent && assignedAgent ? { agentId: assignedAgent.id } : {}),
        ...(caseVersion === undefined ? {} : { expectedVersion: caseVersion }),
      },
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
      <FormField label={t('actions.complaint.channel')}>
        {(control) => (
          <select
            {...control}
            value={channel}
            onChange={(event) => setChannel(event.target.value as ComplaintChannel)}
          >
            {CHANNELS.map((value) => (
              <option key={value} value={value}>
                {t(`actions.complaintChannel.${value}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField
        label={t('actions.complaint.description')}
        error={(tried ? problem : undefined) ?? failure?.fieldErrors.description?.[0]}
      >
        {(control) => (
          <textarea
            {...control}
            data-autofocus
            rows={5}
            maxLength={4000}
            value={description}
            onChange={(event) => setDescription(event.target.value)}
          />
        )}
      </FormField>
      {assignedAgent && (
        <label className="checkbox-field">
          <input
            type="checkbox"
            checked={namesAgent}
            onChange={(event) => setNamesAgent(event.target.checked)}
          />
          {t('actions.complaint.namesAgent', { name: assignedAgent.name })}
        </label>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={record.isPending}>
          {record.isPending ? t('actions.saving') : t('actions.complaint.submit')}
        </button>
      </div>
    </form>
  );
}
