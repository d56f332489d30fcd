import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../../components/ui/form-field.tsx';
import { useIdempotencyKey } from '../../../hooks/use-idempotency-key.ts';
import { useAgencyChoices, usePlaceWithAgency } from '../api/use-place-with-agency.ts';
import { readActionError } from '../hooks/action-error.ts';
import { ActionFailureAlert } from './action-failure.tsx';

export interface AgencyPlacementFormProps {
  caseId: string;
  debtorZone: string | undefined;
  onDone: (agencyName: string) => void;
}

/**
 * Places a case a supervisor approved with an outside agency, at its balance now and the agency's rate. The
 * approval allows this one placement (decision record 026); the guard judges it again when it is recorded.
 */
export function AgencyPlacementForm({ caseId, debtorZone, onDone }: AgencyPlacementFormProps) {
  const { t } = useTranslation();
  const idempotency = useIdempotencyKey();
  const choices = useAgencyChoices(true);
  const place = usePlaceWithAgency(caseId);
  const [agencyId, setAgencyId] = useState('');
  const [tried, setTried] = useState(false);
  const agencies = choices.data ?? [];
  const chosen = agencies.find((agency) => agency.id === agencyId);
  const failure = place.error ? readActionError(place.error) : null;
  const problem = chosen === undefined ? t('approvals.place.pickAgency') : undefined;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setTried(true);
    if (chosen === undefined) {
      event.currentTarget.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    place.mutate(
      { idempotencyKey: idempotency.key, caseId, agencyId: chosen.id },
      {
        onSuccess: () => {
          idempotency.renew();
          onDone(chosen.name);
        },
      },
    );
  }

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
    <form className="action-form" onSubmit={submit} noValidate>
      <ActionFailureAlert failure={failure} debtorZone={debtorZone} />
      <FormField
        label={t('approvals.place.agency')}
        hint={t('approvals.place.hint')}
        error={(tried ? problem : undefined) ?? failure?.fieldErrors.agencyId?.[0]}
      >
        {(control) => (
          <select
            {...control}
            data-autofocus
            value={agencyId}
            onChange={(event) => setAgencyId(event.target.value)}
          >
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
      </FormField>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={place.isPending}>
          {place.isPending ? t('approvals.saving') : t('approvals.place.submit')}
        </button>
      </div>
    </form>
  );
}
