import {
  MAX_REMINDER_STEPS,
  type PortfolioStrategyOutput,
  REMINDER_CHANNELS,
  type ReminderChannel,
  saveStrategyInput,
} from '@arrears/shared/schemas/reminders';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { SchemaField } from '../../../components/form/schema-field.tsx';
import { SubmitRow } from '../../../components/form/submit-row.tsx';
import { Options } from '../../../components/ui/options.tsx';
import { QueryStatus } from '../../../components/ui/query-status.tsx';
import { useReminderTemplatesQuery, useSaveStrategy } from '../../../hooks/use-reminder-strategies.ts';
import { reminders } from '../../../i18n/en/reminders.ts';
import { registerEnglish } from '../../../i18n/i18n.ts';
import { readApiError } from '../../../lib/api-error.ts';
import { useSchemaForm } from '../../../lib/schema-form.ts';
import { dayLabel } from './reminders-page.tsx';

registerEnglish({ reminders });

/** A step's day as typed: a whole number, with the minus sign a keyboard or a paste may give; else NaN. */
function typedDay(text: string): number {
  const trimmed = text.trim();
  return /^[-−]?\d+$/.test(trimmed) ? Number(trimmed.replace('−', '-')) : Number.NaN;
}

/** The editor's fields as typed (the day is text) become the contract's input and are checked by it. */
function strategySchema(portfolioId: string, expectedVersion: number | undefined) {
  const step = z.object({
    offsetDays: z.string(),
    channel: z.enum(REMINDER_CHANNELS),
    templateId: z.string(),
  });
  return z
    .object({ name: z.string(), active: z.boolean(), steps: z.array(step) })
    .transform(({ steps, ...strategy }) => ({
      portfolioId,
      ...strategy,
      ...(expectedVersion === undefined ? {} : { expectedVersion }),
      steps: steps.map((s) => ({ ...s, offsetDays: typedDay(s.offsetDays) })),
    }))
    .pipe(saveStrategyInput);
}

/** One portfolio's strategy: name, active, and its steps (add, remove, reorder); errors shown beside each field. */
export function StrategyEditor({
  portfolio,
  onClose,
}: {
  portfolio: PortfolioStrategyOutput;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const templates = useReminderTemplatesQuery(portfolio.portfolioId);
  const save = useSaveStrategy();
  const strategy = portfolio.strategy;
  const [status, setStatus] = useState('');
  const serverError = save.error ? readApiError(save.error) : null;
  const form = useSchemaForm(strategySchema(portfolio.portfolioId, strategy?.version), {
    defaultValues: {
      name: strategy?.name ?? t('reminders.editor.defaultName'),
      active: strategy?.active ?? true,
      steps:
        strategy?.steps.map((s) => ({
          offsetDays: String(s.offsetDays),
          channel: s.channel,
          templateId: s.templateId,
        })) ?? [],
    },
    serverErrors: serverError?.fieldErrors,
  });
  const steps = useFieldArray({ control: form.control, name: 'steps' });

  useEffect(() => headingRef.current?.focus(), []);

  const templatesFor = (channel: string) => (templates.data ?? []).filter((tpl) => tpl.channel === channel);

  const onSubmit = (event: FormEvent) => {
    setStatus('');
    save.reset();
    void form.handleSubmit((input) =>
      save.mutate(input, {
        onSuccess: (saved) => setStatus(t('reminders.editor.saved', { version: saved.strategy?.version })),
      }),
    )(event);
  };

  const { errors } = form.formState;
  const stepsError =
    errors.steps?.root?.message ?? errors.steps?.message ?? serverError?.fieldErrors.steps?.[0];
  const unplaced =
    serverError && Object.keys(serverError.fieldErrors).length === 0 ? serverError.message : null;

  return (
    <section aria-labelledby={headingId} className="admin-section strategy-editor">
      <div className="parameter-editor-header">
        <h2 id={headingId} ref={headingRef} tabIndex={-1}>
          {t('reminders.editor.heading', { name: portfolio.portfolioName })}
        </h2>
        <button type="button" className="button" onClick={onClose}>
          {t('reminders.editor.close')}
        </button>
      </div>
      {strategy && <p className="muted">{t('reminders.editor.version', { version: strategy.version })}</p>}
      <p className="muted">{t('reminders.editor.intro')}</p>

      <QueryStatus query={templates} failedKey="reminders.editor.templatesFailed" />

      <form onSubmit={onSubmit} noValidate className="strategy-form">
        <SchemaField form={form} name="name" label={t('reminders.editor.name')}>
          {(control) => <input {...control} type="text" />}
        </SchemaField>
        <div className="field field-checkbox">
          <label>
            <input type="checkbox" {...form.register('active')} /> {t('reminders.editor.active')}
          </label>
        </div>

        <fieldset className="strategy-steps">
          <legend>{t('reminders.editor.steps')}</legend>
          {steps.fields.length === 0 && <p className="muted">{t('reminders.editor.noSteps')}</p>}
          <ol className="strategy-step-list">
            {steps.fields.map((step, index) => {
              const offset = form.watch(`steps.${index}.offsetDays`);
              const channel = form.watch(`steps.${index}.channel`);
              return (
                <li
                  key={step.id}
                  className="strategy-step"
                  aria-label={t('reminders.editor.stepLabel', { n: index + 1 })}
                >
                  <SchemaField
                    form={form}
                    name={`steps.${index}.offsetDays`}
                    label={t('reminders.editor.day')}
                    hint={
                      Number.isInteger(Number(offset)) && offset.trim() !== ''
                        ? dayLabel(t, Number(offset))
                        : t('reminders.editor.dayHint')
                    }
                  >
                    {(control) => <input {...control} type="text" inputMode="numeric" autoComplete="off" />}
                  </SchemaField>
                  <SchemaField
                    form={form}
                    name={`steps.${index}.channel`}
                    label={t('reminders.editor.channel')}
                  >
                    {(control) => (
                      <select
                        {...control}
                        onChange={(event) => {
                          void control.onChange(event);
                          // A template is of one channel: the step takes the new channel's first.
                          form.setValue(
                            `steps.${index}.templateId`,
                            templatesFor(event.target.value)[0]?.id ?? '',
                          );
                        }}
                      >
                        <Options values={REMINDER_CHANNELS} label={(c) => t(`reminders.channel.${c}`)} />
                      </select>
                    )}
                  </SchemaField>
                  <SchemaField
                    form={{
                      field: form.field,
                      // The contract names a missing template as a bad id; the editor asks for one.
                      errorOf: (name) => {
                        const error = form.errorOf(name);
                        return error === 'Template must be an id (uuid)'
                          ? t('reminders.editor.templateRequired')
                          : error;
                      },
                    }}
                    name={`steps.${index}.templateId`}
                    label={t('reminders.editor.template')}
                  >
                    {(control) => (
                      // Held by the select too: its options change with the channel, the choice must show.
                      <select {...control} value={form.watch(`steps.${index}.templateId`)}>
                        <option value="">{t('reminders.editor.chooseTemplate')}</option>
                        {templatesFor(channel).map((tpl) => (
                          <option key={tpl.id} value={tpl.id}>
                            {tpl.name}
                          </option>
                        ))}
                      </select>
                    )}
                  </SchemaField>
                  <div className="strategy-step-actions">
                    <button
                      type="button"
                      className="button button-quiet"
                      disabled={index === 0}
                      onClick={() => steps.move(index, index - 1)}
                      aria-label={t('reminders.editor.moveUp', { n: index + 1 })}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="button button-quiet"
                      disabled={index === steps.fields.length - 1}
                      onClick={() => steps.move(index, index + 1)}
                      aria-label={t('reminders.editor.moveDown', { n: index + 1 })}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      className="button button-quiet"
                      onClick={() => steps.remove(index)}
                      aria-label={t('reminders.editor.remove', { n: index + 1 })}
                    >
                      {t('reminders.editor.removeShort')}
                    </button>
                  </div>
                </li>
              );
            })}
          </ol>
          {stepsError && <p className="field-error">{stepsError}</p>}
          <button
            type="button"
            className="button"
            disabled={steps.fields.length >= MAX_REMINDER_STEPS}
            onClick={() => {
              const last = form.getValues('steps').at(-1);
              const channel: ReminderChannel = last?.channel ?? 'sms';
              steps.append(
                {
                  offsetDays: String(last ? Number(last.offsetDays) + 3 || 0 : -3),
                  channel,
                  templateId: templatesFor(channel)[0]?.id ?? '',
                },
                { shouldFocus: false },
              );
            }}
          >
            {t('reminders.editor.addStep')}
          </button>
        </fieldset>

        {unplaced && (
          <div role="alert" className="notice notice-error">
            <p>{t('reminders.editor.saveFailed', { message: unplaced })}</p>
          </div>
        )}
        {(form.hasProblems || (serverError && Object.keys(serverError.fieldErrors).length > 0)) && (
          <p role="alert" className="field-error">
            {t('reminders.editor.fixErrors')}
          </p>
        )}
        <SubmitRow
          label={t('reminders.editor.save')}
          pending={save.isPending}
          pendingLabel={t('reminders.editor.saving')}
        />
        <p role="status" className="parameter-status">
          {status}
        </p>
      </form>
    </section>
  );
}
