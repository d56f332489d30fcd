import type { CatalogPack, PortfolioRules } from '@arrears/shared/schemas/rules';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readApiError } from '../../../lib/api-error.ts';
import {
  checkParameterValues,
  formatParameterValue,
  overridesFrom,
  sameOverrides,
} from '../hooks/parameter-values.ts';
import { ParameterField } from './parameter-field.tsx';

interface ParameterFormProps {
  packs: readonly CatalogPack[];
  portfolio: PortfolioRules;
  saving: boolean;
  saveError: unknown;
  onSave: (overrides: Record<string, number>) => void;
  onNothingToSave: () => void;
  onReload: () => void;
}

/**
 * The parameters of a portfolio's packs, one labelled field each, starting from the effective values. Fields
 * are checked as the server checks them; a field shows its problem once left, every field once saving is tried.
 */
export function ParameterForm(props: ParameterFormProps) {
  const { packs, portfolio } = props;
  const { t } = useTranslation();
  const parameters = packs.flatMap((pack) => pack.parameters);
  const [texts, setTexts] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      parameters.map((p) => [
        p.key,
        formatParameterValue(p.unit, portfolio.effective[p.key] ?? p.defaultValue),
      ]),
    ),
  );
  const [visited, setVisited] = useState<ReadonlySet<string>>(new Set());
  const [triedToSave, setTriedToSave] = useState(false);

  const checked = checkParameterValues(parameters, texts);
  const hasProblems = Object.keys(checked.problems).length > 0;
  const serverError = props.saveError ? readApiError(props.saveError) : null;

  let alert: string | null = null;
  if (triedToSave && hasProblems) alert = t('admin.editor.fixFields');
  else if (serverError) alert = t('admin.editor.saveFailed', { message: serverError.message });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setTriedToSave(true);
    if (hasProblems) {
      const first = parameters.find((p) => checked.problems[p.key]);
      const input = first ? event.currentTarget.elements.namedItem(first.key) : null;
      if (input instanceof HTMLInputElement) input.focus();
      return;
    }
    const overrides = overridesFrom(parameters, checked.values);
    if (sameOverrides(overrides, portfolio.overrides)) props.onNothingToSave();
    else props.onSave(overrides);
  }

  if (parameters.length === 0) return <p className="notice">{t('admin.editor.noParameters')}</p>;

  return (
    <form className="parameter-form" onSubmit={submit} noValidate>
      <div role="alert" className="form-alert" data-empty={alert === null || undefined}>
        {alert}
        {serverError?.code === 'CONFLICT' && (
          <button type="button" className="button" onClick={props.onReload}>
            {t('admin.editor.reload')}
          </button>
        )}
      </div>
      {packs
        .filter((pack) => pack.parameters.length > 0)
        .map((pack) => (
          <fieldset key={pack.id} className="parameter-pack">
            <legend>{t('admin.editor.packLegend', { pack: pack.name })}</legend>
            <div className="parameter-grid">
              {pack.parameters.map((parameter) => (
                <ParameterField
                  key={parameter.key}
                  parameter={parameter}
                  text={texts[parameter.key] ?? ''}
                  overridden={parameter.key in portfolio.overrides}
                  problem={
                    triedToSave || visited.has(parameter.key) ? checked.problems[parameter.key] : undefined
                  }
                  serverError={serverError?.fieldErrors[`overrides.${parameter.key}`]?.[0]}
                  onChange={(text) => setTexts((current) => ({ ...current, [parameter.key]: text }))}
                  onLeave={() => setVisited((current) => new Set(current).add(parameter.key))}
                />
              ))}
            </div>
          </fieldset>
        ))}
      <div className="parameter-actions">
        <button type="submit" className="button button-primary" disabled={props.saving}>
          {props.saving ? t('admin.editor.saving') : t('admin.editor.save')}
        </button>
      </div>
    </form>
  );
}
