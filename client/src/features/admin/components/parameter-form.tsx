import type { CatalogPack, CatalogParameter, PortfolioRules } from '@arrears/shared/schemas/rules';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { readApiError } from '../../../lib/api-error.ts';
import { useLocalizedText } from '../../../lib/rule-texts.ts';
import { useSchemaForm } from '../../../lib/schema-form.ts';
import {
  checkParameterValues,
  formatParameterValue,
  overridesFrom,
  sameOverrides,
} from '../hooks/parameter-values.ts';
import { ParameterField, problemText } from './parameter-field.tsx';

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
 * The form's values are one text per parameter, in the packs' order (a parameter's key holds dots, which a
 * field's name reads as nesting). They are checked as the server checks them and become the overrides to store.
 */
function parametersSchema(parameters: readonly CatalogParameter[], t: TFunction) {
  return z.object({ texts: z.array(z.string()) }).transform(({ texts }, context) => {
    const checked = checkParameterValues(
      parameters,
      Object.fromEntries(parameters.map((parameter, i) => [parameter.key, texts[i] ?? ''])),
    );
    parameters.forEach((parameter, i) => {
      const problem = checked.problems[parameter.key];
      if (problem) context.addIssue({ code: 'custom', path: ['texts', i], message: problemText(t, problem) });
    });
    return overridesFrom(parameters, checked.values);
  });
}

/**
 * The parameters of a portfolio's packs, one labelled field each, starting from the effective values. Fields
 * are checked as the server checks them; a field shows its problem once left, every field once saving is tried.
 */
export function ParameterForm(props: ParameterFormProps) {
  const { packs, portfolio } = props;
  const { t } = useTranslation();
  const localized = useLocalizedText();
  const parameters = packs.flatMap((pack) => pack.parameters);
  const serverError = props.saveError ? readApiError(props.saveError) : null;
  const form = useSchemaForm(parametersSchema(parameters, t), {
    mode: 'onTouched',
    defaultValues: {
      texts: parameters.map((p) =>
        formatParameterValue(p.unit, portfolio.effective[p.key] ?? p.defaultValue),
      ),
    },
    serverErrors: serverError?.fieldErrors,
    serverFieldNames: Object.fromEntries(
      parameters.map((p, i) => [`overrides.${p.key}`, `texts.${i}` as const]),
    ),
  });

  let alert: string | null = null;
  if (form.hasProblems) alert = t('admin.editor.fixFields');
  else if (serverError) alert = t('admin.editor.saveFailed', { message: serverError.message });

  const submit = form.handleSubmit((overrides) => {
    if (sameOverrides(overrides, portfolio.overrides)) props.onNothingToSave();
    else props.onSave(overrides);
  });

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
            <legend>{t('admin.editor.packLegend', { pack: localized(pack.name) })}</legend>
            <div className="parameter-grid">
              {pack.parameters.map((parameter) => {
                const name = `texts.${parameters.indexOf(parameter)}` as const;
                return (
                  <ParameterField
                    key={parameter.key}
                    parameter={parameter}
                    field={form.register(name)}
                    text={form.watch(name) ?? ''}
                    overridden={parameter.key in portfolio.overrides}
                    error={form.errorOf(name)}
                    onUseDefault={(text) => {
                      form.setValue(name, text, { shouldValidate: form.formState.isSubmitted });
                      form.setFocus(name);
                    }}
                  />
                );
              })}
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
