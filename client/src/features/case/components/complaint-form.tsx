import { COMPLAINT_CHANNELS, recordComplaintInput } from '@arrears/shared/schemas/casework';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { SchemaField } from '../../../components/form/schema-field.tsx';
import { Options } from '../../../components/ui/options.tsx';
import { tooShort } from '../../../lib/schema-form.ts';
import { useRecordComplaint } from '../api/use-record-complaint.ts';
import { useActionCase } from '../hooks/action-case.tsx';
import { useActionForm } from '../hooks/use-action-form.ts';
import type { CaseFormProps } from '../hooks/use-case-action.ts';
import { ActionForm } from './action-form.tsx';

const complaintSchema = recordComplaintInput
  .pick({ channel: true, description: true })
  .extend({ namesAgent: z.boolean() });
const MIN_DESCRIPTION = complaintSchema.shape.description.minLength ?? 0;

export interface ComplaintFormProps extends CaseFormProps {
  /** The case's agent, whom the complaint may name. */
  assignedAgent: { id: string; name: string } | null;
}

/** A debtor's complaint about how the debt is collected, tied to the case and, if named, the agent. */
export function ComplaintForm({ assignedAgent, onDone }: ComplaintFormProps) {
  const { t } = useTranslation();
  const { caseId, expectedVersion } = useActionCase();
  const { action, form } = useActionForm(useRecordComplaint(caseId), onDone, complaintSchema, {
    defaultValues: { channel: 'phone', description: '', namesAgent: false },
    messages: { description: tooShort(t('actions.reasonTooShort', { count: MIN_DESCRIPTION })) },
  });

  return (
    <ActionForm
      form={form}
      action={action}
      submitLabel={t('actions.complaint.submit')}
      onValid={({ channel, description, namesAgent }) =>
        action.send({
          caseId,
          channel,
          description,
          ...(namesAgent && assignedAgent ? { agentId: assignedAgent.id } : {}),
          ...expectedVersion,
        })
      }
    >
      <SchemaField form={form} name="channel" label={t('actions.complaint.channel')}>
        {(control) => (
          <select {...control}>
            <Options values={COMPLAINT_CHANNELS} label={(value) => t(`actions.complaintChannel.${value}`)} />
          </select>
        )}
      </SchemaField>
      <SchemaField form={form} name="description" label={t('actions.complaint.description')}>
        {(control) => <textarea {...control} data-autofocus rows={5} />}
      </SchemaField>
      {assignedAgent && (
        <label className="checkbox-field">
          <input type="checkbox" {...form.register('namesAgent')} />
          {t('actions.complaint.namesAgent', { name: assignedAgent.name })}
        </label>
      )}
    </ActionForm>
  );
}
