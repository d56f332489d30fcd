import { placeWithAgencyInput } from '@arrears/shared/schemas/escalations';
import { useTranslation } from 'react-i18next';
import { SchemaField } from '../../../components/form/schema-field.tsx';
import { useAgencyChoices, usePlaceWithAgency } from '../api/use-place-with-agency.ts';
import { useActionCase } from '../hooks/action-case.tsx';
import { useActionForm } from '../hooks/use-action-form.ts';
import { ActionForm } from './action-form.tsx';

const placementSchema = placeWithAgencyInput.pick({ agencyId: true });

export interface AgencyPlacementFormProps {
  onDone: (agencyName: string) => void;
}

/**
 * Places a case a supervisor approved with an outside agency, at its balance now and the agency's rate. The
 * approval allows this one placement (decision record 026); the guard judges it again when it is recorded.
 */
export function AgencyPlacementForm({ onDone }: AgencyPlacementFormProps) {
  const { t } = useTranslation();
  const { caseId } = useActionCase();
  const choices = useAgencyChoices(true);
  const agencies = choices.data ?? [];
  const { action, form } = useActionForm(usePlaceWithAgency(caseId), () => {}, placementSchema, {
    defaultValues: { agencyId: '' },
    messages: { agencyId: t('approvals.place.pickAgency') },
  });

  if (choices.isPending) {
    return (
      <p className="muted" role="status">
        {t('approvals.place.loading')}
      </p>
    );
  }
  if (choices.isError) {
    return (
      <div role="alert" className="notice notice-error">
        {t('approvals.place.loadFailed')}
      </div>
    );
  }
  if (agencies.length === 0) return <p className="muted">{t('approvals.place.none')}</p>;
  return (
    <ActionForm
      form={form}
      action={action}
      submitLabel={t('approvals.place.submit')}
      pendingLabel={t('approvals.saving')}
      onValid={({ agencyId }) => {
        const chosen = agencies.find((agency) => agency.id === agencyId);
        if (chosen) action.send({ caseId, agencyId: chosen.id }, () => onDone(chosen.name));
      }}
    >
      <SchemaField
        form={form}
        name="agencyId"
        label={t('approvals.place.agency')}
        hint={t('approvals.place.hint')}
      >
        {(control) => (
          <select {...control} data-autofocus>
            <option value="">{t('approvals.place.choose')}</option>
            {agencies.map((agency) => (
              <option key={agency.id} value={agency.id}>
                {t('approvals.place.option', {
                  name: agency.name,
                  percent: (agency.commissionBps / 100).toFixed(2),
                })}
              </option>
            ))}
          </select>
        )}
      </SchemaField>
    </ActionForm>
  );
}
