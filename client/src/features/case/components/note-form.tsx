import { addNoteInput } from '@arrears/shared/schemas/casework';
import { useTranslation } from 'react-i18next';
import { SchemaField } from '../../../components/form/schema-field.tsx';
import { tooShort } from '../../../lib/schema-form.ts';
import { useAddNote } from '../api/use-add-note.ts';
import { useActionCase } from '../hooks/action-case.tsx';
import { useActionForm } from '../hooks/use-action-form.ts';
import type { CaseFormProps } from '../hooks/use-case-action.ts';
import { ActionForm } from './action-form.tsx';

const noteSchema = addNoteInput.pick({ body: true });

/** A note on the case, for whoever works it next. */
export function NoteForm({ onDone }: CaseFormProps) {
  const { t } = useTranslation();
  const { caseId, expectedVersion } = useActionCase();
  const { action, form } = useActionForm(useAddNote(caseId), onDone, noteSchema, {
    defaultValues: { body: '' },
    messages: { body: tooShort(t('actions.note.empty')) },
  });

  return (
    <ActionForm
      form={form}
      action={action}
      submitLabel={t('actions.note.submit')}
      onValid={({ body }) => action.send({ caseId, body, ...expectedVersion })}
    >
      <SchemaField form={form} name="body" label={t('actions.note.body')}>
        {(control) => <textarea {...control} rows={5} />}
      </SchemaField>
    </ActionForm>
  );
}
