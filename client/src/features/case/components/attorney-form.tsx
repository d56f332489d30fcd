import { recordAttorneyInput } from '@arrears/shared/schemas/casework';
import { useTranslation } from 'react-i18next';
import { SchemaField } from '../../../components/form/schema-field.tsx';
import { tooShort } from '../../../lib/schema-form.ts';
import { useRecordAttorney } from '../api/use-record-flag.ts';
import { useActionCase } from '../hooks/action-case.tsx';
import { useActionForm } from '../hooks/use-action-form.ts';
import type { CaseFormProps } from '../hooks/use-case-action.ts';
import { ActionForm } from './action-form.tsx';

const attorneySchema = recordAttorneyInput.pick({ name: true, contact: true });

/** The debtor is represented: from now on the attorney is contacted, not the debtor (US-FDCPA-ATTY). */
export function AttorneyForm({ onDone }: CaseFormProps) {
  const { t } = useTranslation();
  const { caseId, expectedVersion } = useActionCase();
  const { action, form } = useActionForm(useRecordAttorney(caseId), onDone, attorneySchema, {
    defaultValues: { name: '', contact: '' },
    messages: {
      name: tooShort(t('actions.attorney.nameNeeded')),
      contact: tooShort(t('actions.attorney.contactNeeded')),
    },
  });

  return (
    <ActionForm
      form={form}
      action={action}
      submitLabel={t('actions.flag.submit.attorney')}
      onValid={(value) => action.send({ caseId, ...value, ...expectedVersion })}
    >
      <p className="form-consequence">{t('actions.flag.consequence.attorney')}</p>
      <SchemaField form={form} name="name" label={t('actions.attorney.name')}>
        {(control) => <input {...control} data-autofocus autoComplete="off" />}
      </SchemaField>
      <SchemaField form={form} name="contact" label={t('actions.attorney.contact')}>
        {(control) => <input {...control} autoComplete="off" />}
      </SchemaField>
    </ActionForm>
  );
}
