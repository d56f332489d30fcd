import { addNoteInput } from '@arrears/shared/schemas/casework';
import { useTranslation } from 'react-i18next';
import { SchemaField } from '../../../components/form/schema-field.tsx';
import { tooShort } from '../../../lib/schema-form.ts';
import { useAddNote } from '../api/use-add-note.ts';
import { useActionForm } from '../hooks/use-action-form.ts';
import { type CaseFormProps, expectedVersionOf } from '../hooks/use-case-action.ts';
import { ActionForm } from './action-form.tsx';

const noteSchema = addNoteInput.pick({ body: true });

export type NoteFormProps = CaseFormProps;

/** A note on the case, for whoever works it next. */
export function NoteForm({ caseId, caseVersion, debtorZone, onDone }: NoteFormProps) {
  const { t } = useTranslation();
  const { action, form } = useActionForm(useAddNote(caseId), onDone, noteSchema, {
    defaultValues: { body: '' },
    messages: { body: tooShort(t('actions.note.empty')) },
  });

  return (
    <ActionForm
      form={form}
      action={action}
      debtorZone={debtorZone}
      submitLabel={t('actions.note.submit')}
      onValid={({ body }) => action.send({ caseId, body, ...expectedVersionOf(caseVersion) })}
    >
      <SchemaField form={form} name="body" label={t('actions.note.body')}>
        {(control) => <textarea {...control} rows={5} />}
      </SchemaField>
    </ActionForm>
  );
}
