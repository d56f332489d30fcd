import type { EscalationKind } from '@arrears/shared/domain/enums';
import { escalationRequestInput } from '@arrears/shared/schemas/escalations';
import { useTranslation } from 'react-i18next';
import { SchemaField } from '../../../components/form/schema-field.tsx';
import { tooShort } from '../../../lib/schema-form.ts';
import { useRequestEscalation } from '../api/use-request-escalation.ts';
import { useActionCase } from '../hooks/action-case.tsx';
import { useActionForm } from '../hooks/use-action-form.ts';
import type { CaseFormProps } from '../hooks/use-case-action.ts';
import { ActionForm } from './action-form.tsx';

const escalationSchema = escalationRequestInput.pick({ reason: true });
const MIN_REASON = escalationSchema.shape.reason.minLength ?? 0;

export interface EscalationFormProps extends CaseFormProps {
  kind: EscalationKind;
}

/** Asks a supervisor to approve a step up the ladder; nothing reaches the debtor until it is approved. */
export function EscalationForm({ kind, onDone }: EscalationFormProps) {
  const { t } = useTranslation();
  const { caseId } = useActionCase();
  const { action, form } = useActionForm(useRequestEscalation(caseId), onDone, escalationSchema, {
    defaultValues: { reason: '' },
    messages: { reason: tooShort(t('actions.reasonTooShort', { count: MIN_REASON })) },
  });

  return (
    <ActionForm
      form={form}
      action={action}
      submitLabel={t('actions.requestLabel', { escalation: t(`actions.escalation.${kind}`) })}
      onValid={({ reason }) => action.send({ caseId, kind, reason })}
    >
      <p>{t('actions.escalationIntro')}</p>
      <SchemaField form={form} name="reason" label={t('actions.reason')}>
        {(control) => <textarea {...control} rows={4} />}
      </SchemaField>
    </ActionForm>
  );
}
