import type { CatalogParameter } from '@arrears/shared/schemas/rules';
import type { TFunction } from 'i18next';
import { useId } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { usePunctuation } from '../../../lib/punctuation.ts';
import { useLocalizedText } from '../../../lib/rule-texts.ts';
import { type FieldProblem, formatParameterValue } from '../hooks/parameter-values.ts';

interface ParameterFieldProps {
  parameter: CatalogParameter;
  /** The input's registration in the parameter form. */
  field: UseFormRegisterReturn;
  /** The value as typed. */
  text: string;
  /** The saved overrides set this parameter away from the pack's value. */
  overridden: boolean;
  /** The form's own problem with the value, else the server's. */
  error: string | undefined;
  /** Puts the pack's value back in the field (and the focus there). */
  onUseDefault: (defaultText: string) => void;
}

export function problemText(t: TFunction, problem: FieldProblem): string {
  switch (problem.code) {
    case 'loosened':
      return t('admin.validation.loosened', {
        direction: t(`admin.validation.direction.${problem.direction}`),
        limit: problem.limit,
        value: problem.value,
      });
    case 'windowOrder':
      return t('admin.validation.windowOrder', { other: problem.other, otherValue: problem.otherValue });
    default:
      return t(`admin.validation.${problem.code}`);
  }
}

/** One parameter: its label and key, the value with its unit, the limit and which way is stricter. */
export function ParameterField(props: ParameterFieldProps) {
  const { parameter, text, error } = props;
  const { t } = useTranslation();
  const localized = useLocalizedText();
  const punctuation = usePunctuation();
  const id = useId();
  const defaultText = formatParameterValue(parameter.unit, parameter.defaultValue);

  const limit = parameter.legal
    ? t('admin.editor.legalLimit', { value: defaultText })
    : t('admin.editor.policyDefault', { value: defaultText });
  const direction = parameter.legal
    ? t(`admin.editor.mayOnlyGo.${parameter.tightens}`)
    : t('admin.editor.eitherWay');
  const hint = [limit, direction, props.overridden ? t('admin.editor.overridden') : null]
    .filter(Boolean)
    .join(punctuation.separator);

  return (
    <div className="field parameter-field">
      <label htmlFor={id}>
        {localized(parameter.label)} <code className="parameter-key">{parameter.key}</code>
      </label>
      <div className="parameter-input">
        <input
          {...props.field}
          id={id}
          type="text"
          inputMode={parameter.unit === 'minute_of_day' ? 'text' : 'numeric'}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-unit ${id}-hint ${id}-error` : `${id}-unit ${id}-hint`}
        />
        <span id={`${id}-unit`} className="parameter-unit">
          {t(`admin.unit.${parameter.unit}`)}
        </span>
        {text.trim() !== defaultText && (
          <button
            type="button"
            className="button button-quiet"
            aria-label={t('admin.editor.useDefaultLabel', { parameter: parameter.key })}
            onClick={() => props.onUseDefault(defaultText)}
          >
            {t('admin.editor.useDefault')}
          </button>
        )}
      </div>
      <p id={`${id}-hint`} className="field-hint">
        {hint}
      </p>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
