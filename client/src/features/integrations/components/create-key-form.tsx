import type { CreatedIntegrationKey } from '@arrears/shared/schemas/integrations';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminSection } from '../../../components/ui/admin-table.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { FormField } from '../../../components/ui/form-field.tsx';
import { MutationNotice } from '../../../components/ui/mutation-notice.tsx';
import { integrations } from '../../../i18n/en/integrations.ts';
import { registerEnglish } from '../../../i18n/i18n.ts';
import { useCreateIntegrationKey } from '../api/use-integration-keys.ts';

registerEnglish({ integrations });

type Choice = { id: string; name: string };

/** A new key: its name and the teams (and portfolios) it works for; the key is then shown once. */
export function CreateKeyForm({ teams, portfolios }: { teams: Choice[]; portfolios: Choice[] }) {
  const { t } = useTranslation();
  const create = useCreateIntegrationKey();
  const [name, setName] = useState('');
  const [teamIds, setTeamIds] = useState<string[]>([]);
  const [portfolioIds, setPortfolioIds] = useState<string[]>([]);
  const [tried, setTried] = useState(false);
  const [created, setCreated] = useState<CreatedIntegrationKey | null>(null);
  const nameError = tried && name.trim() === '' ? t('integrations.create.nameRequired') : undefined;
  const teamsError = tried && teamIds.length === 0 ? t('integrations.create.teamsRequired') : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (name.trim() === '' || teamIds.length === 0) return;
    create.mutate(
      { name, teamIds, portfolioIds },
      {
        onSuccess: (answer) => {
          setCreated(answer);
          setName('');
          setTeamIds([]);
          setPortfolioIds([]);
          setTried(false);
        },
      },
    );
  };

  return (
    <AdminSection heading={t('integrations.create.heading')}>
      <form onSubmit={submit} noValidate>
        <FormField
          label={t('integrations.create.name')}
          hint={t('integrations.create.nameHint')}
          error={nameError}
        >
          {(control) => (
            <input {...control} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
          )}
        </FormField>
        <Choices
          legend={t('integrations.create.teams')}
          error={teamsError}
          choices={teams}
          chosen={teamIds}
          onChange={setTeamIds}
        />
        <Choices
          legend={t('integrations.create.portfolios')}
          hint={t('integrations.create.portfoliosHint')}
          choices={portfolios}
          chosen={portfolioIds}
          onChange={setPortfolioIds}
        />
        <MutationNotice mutation={create} />
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {create.isPending ? t('integrations.create.pending') : t('integrations.create.submit')}
        </button>
      </form>
      {created && <ShownOnce created={created} onClose={() => setCreated(null)} />}
    </AdminSection>
  );
}

function Choices(props: {
  legend: string;
  hint?: string;
  error?: string | undefined;
  choices: Choice[];
  chosen: string[];
  onChange: (ids: string[]) => void;
}) {
  const toggle = (id: string, on: boolean) =>
    props.onChange(on ? [...props.chosen, id] : props.chosen.filter((chosen) => chosen !== id));
  return (
    <fieldset className="field" aria-invalid={props.error ? true : undefined}>
      <legend>{props.legend}</legend>
      {props.hint && <p className="field-hint">{props.hint}</p>}
      {props.choices.map((choice) => (
        <label key={choice.id} className="checkbox">
          <input
            type="checkbox"
            checked={props.chosen.includes(choice.id)}
            onChange={(e) => toggle(choice.id, e.target.checked)}
          />{' '}
          {choice.name}
        </label>
      ))}
      {props.error && <p className="field-error">{props.error}</p>}
    </fieldset>
  );
}

/** The key in full, once, with a copy button; closing it forgets the key. */
function ShownOnce({ created, onClose }: { created: CreatedIntegrationKey; onClose: () => void }) {
  const { t } = useTranslation();
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copyKey = () =>
    navigator.clipboard.writeText(created.key).then(
      () => setCopy('copied'),
      () => setCopy('failed'),
    );
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('integrations.created.heading', { name: created.view.name })}
      description={t('integrations.created.warning')}
    >
      <FormField label={t('integrations.created.label')}>
        {(control) => (
          <input {...control} readOnly value={created.key} data-testid="created-key" data-autofocus />
        )}
      </FormField>
      <p role="status">
        {copy === 'copied' && t('integrations.created.copied')}
        {copy === 'failed' && t('integrations.created.copyFailed')}
      </p>
      <div className="form-actions">
        <button type="button" className="button" onClick={() => void copyKey()}>
          {t('integrations.created.copy')}
        </button>
        <button type="button" className="button button-primary" onClick={onClose}>
          {t('integrations.created.done')}
        </button>
      </div>
    </Dialog>
  );
}
