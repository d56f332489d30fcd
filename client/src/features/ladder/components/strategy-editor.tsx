import {
  MAX_REMINDER_STEPS,
  type PortfolioStrategyOutput,
  REMINDER_CHANNELS,
  type ReminderChannel,
  saveStrategyInput,
} from '@arrears/shared/schemas/reminders';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readApiError } from '../../../lib/api-error.ts';
import { useReminderTemplatesQuery, useSaveStrategy } from '../api/use-reminder-strategies.ts';
import { dayLabel } from './reminders-page.tsx';

interface StepDraft {
  key: number;
  offsetText: string;
  channel: ReminderChannel;
  templateId: string;
}

let nextKey = 1;

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
  const [name, setName] = useState(strategy?.name ?? t('reminders.editor.defaultName'));
  const [active, setActive] = useState(strategy?.active ?? true);
  const [steps, setSteps] = useState<StepDraft[]>(
    () =>
      strategy?.steps.map((s) => ({
        key: nextKey++,
        offsetText: String(s.offsetDays),
        channel: s.channel,
        templateId: s.templateId,
      })) ?? [],
  );
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState('');

  useEffect(() => headingRef.current?.focus(), []);

  const serverError = save.error ? readApiError(save.error) : null;
  const errorFor = (path: string) => clientErrors[path] ?? serverError?.fieldErrors[path]?.[0];

  const update = (key: number, change: Partial<StepDraft>) =>
    setSteps((all) => all.map((s) => (s.key === key ? { ...s, ...change } : s)));
  const move = (index: number, by: -1 | 1) =>
    setSteps((all) => {
      const next = [...all];
      const [step] = next.splice(index, 1);
      next.splice(index + by, 0, step!);
      return next;
    });

  const templatesFor = (channel: ReminderChannel) =>
    (templates.data ?? []).filter((tpl) => tpl.channel === channel);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setStatus('');
    save.reset();
    const input = {
      portfolioId: portfolio.portfolioId,
      name,
      active,
      ...(strategy ? { expectedVersion: strategy.version } : {}),
      steps: steps.map((s) => ({
        offsetDays: /^[-−]?\d+$/.test(s.offsetText.trim())
          ? Number(s.offsetText.trim().replace('−', '-'))
          : Number.NaN,
        channel: s.channel,
        templateId: s.templateId,
      })),
    };
    const parsed = saveStrategyInput.safeParse(input);
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const path = issue.path.join('.') || 'input';
        errors[path] ??= issue.message;
      }
      setClientErrors(errors);
      return;
    }
    setClientErrors({});
    save.mutate(parsed.data, {
      onSuccess: (saved) => setStatus(t('reminders.editor.saved', { version: saved.strategy?.version })),
    });
  };

  const nameError = errorFor('name');
  const stepsError = errorFor('steps');
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

      {templates.error && (
        <div role="alert" className="notice notice-error">
          <p>{t('reminders.editor.templatesFailed', { message: readApiError(templates.error).message })}</p>
        </div>
      )}

      <form onSubmit={onSubmit} noValidate className="strategy-form">
        <div className="field">
          <label htmlFor={`${headingId}-name`}>{t('reminders.editor.name')}</label>
          <input
            id={`${headingId}-name`}
            type="text"
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? `${headingId}-name-error` : undefined}
          />
          {nameError && (
            <p id={`${headingId}-name-error`} className="field-error">
              {nameError}
            </p>
          )}
        </div>
        <div className="field field-checkbox">
          <label>
            <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />{' '}
            {t('reminders.editor.active')}
          </label>
        </div>

        <fieldset className="strategy-steps">
          <legend>{t('reminders.editor.steps')}</legend>
          {steps.length === 0 && <p className="muted">{t('reminders.editor.noSteps')}</p>}
          <ol className="strategy-step-list">
            {steps.map((step, index) => {
              const base = `${headingId}-step-${step.key}`;
              const offsetError = errorFor(`steps.${index}.offsetDays`);
              const channelError = errorFor(`steps.${index}.channel`);
              const templateError = errorFor(`steps.${index}.templateId`);
              const offset = Number(step.offsetText);
              const options = templatesFor(step.channel);
              return (
                <li
                  key={step.key}
                  className="strategy-step"
                  aria-label={t('reminders.editor.stepLabel', { n: index + 1 })}
                >
                  <div className="field">
                    <label htmlFor={`${base}-day`}>{t('reminders.editor.day')}</label>
                    <input
                      id={`${base}-day`}
                      type="text"
                      inputMode="numeric"
                      autoComplete="off"
                      value={step.offsetText}
                      onChange={(e) => update(step.key, { offsetText: e.target.value })}
                      aria-invalid={offsetError ? true : undefined}
                      aria-describedby={`${base}-day-hint${offsetError ? ` ${base}-day-error` : ''}`}
                    />
                    <p id={`${base}-day-hint`} className="field-hint">
                      {Number.isInteger(offset) && step.offsetText.trim() !== ''
                        ? dayLabel(t, offset)
                        : t('reminders.editor.dayHint')}
                    </p>
                    {offsetError && (
                      <p id={`${base}-day-error`} className="field-error">
                        {offsetError}
                      </p>
                    )}
                  </div>
                  <div className="field">
                    <label htmlFor={`${base}-channel`}>{t('reminders.editor.channel')}</label>
                    <select
                      id={`${base}-channel`}
                      value={step.channel}
                      onChange={(e) => {
                        const channel = e.target.value as ReminderChannel;
                        update(step.key, { channel, templateId: templatesFor(channel)[0]?.id ?? '' });
                      }}
                      aria-invalid={channelError ? true : undefined}
                      aria-describedby={channelError ? `${base}-channel-error` : undefined}
                    >
                      {REMINDER_CHANNELS.map((c) => (
                        <option key={c} value={c}>
                          {t(`reminders.channel.${c}`)}
                        </option>
                      ))}
                    </select>
                    {channelError && (
                      <p id={`${base}-channel-error`} className="field-error">
                        {channelError}
                      </p>
                    )}
                  </div>
                  <div className="field">
                    <label htmlFor={`${base}-template`}>{t('reminders.editor.template')}</label>
                    <select
                      id={`${base}-template`}
                      value={step.templateId}
                      onChange={(e) => update(step.key, { templateId: e.target.value })}
                      aria-invalid={templateError ? true : undefined}
                      aria-describedby={templateError ? `${base}-template-error` : undefined}
                    >
                      <option value="">{t('reminders.editor.chooseTemplate')}</option>
                      {options.map((tpl) => (
                        <option key={tpl.id} value={tpl.id}>
                          {tpl.name}
                        </option>
                      ))}
                    </select>
                    {templateError && (
                      <p id={`${base}-template-error`} className="field-error">
                        {templateError === 'Template must be an id (uuid)'
                          ? t('reminders.editor.templateRequired')
                          : templateError}
                      </p>
                    )}
                  </div>
                  <div className="strategy-step-actions">
                    <button
                      type="button"
                      className="button button-quiet"
                      disabled={index === 0}
                      onClick={() => move(index, -1)}
                      aria-label={t('reminders.editor.moveUp', { n: index + 1 })}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="button button-quiet"
                      disabled={index === steps.length - 1}
                      onClick={() => move(index, 1)}
                      aria-label={t('reminders.editor.moveDown', { n: index + 1 })}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      className="button button-quiet"
                      onClick={() => setSteps((all) => all.filter((s) => s.key !== step.key))}
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
            disabled={steps.length >= MAX_REMINDER_STEPS}
            onClick={() => {
              const last = steps[steps.length - 1];
              const channel: ReminderChannel = last?.channel ?? 'sms';
              setSteps((all) => [
                ...all,
                {
                  key: nextKey++,
                  offsetText: String(last ? Number(last.offsetText) + 3 || 0 : -3),
                  channel,
                  templateId: templatesFor(channel)[0]?.id ?? '',
                },
              ]);
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
        {Object.keys(clientErrors).length > 0 && (
          <p role="alert" className="field-error">
            {t('reminders.editor.fixErrors')}
          </p>
        )}
        {serverError && Object.keys(serverError.fieldErrors).length > 0 && (
          <p role="alert" className="field-error">
            {t('reminders.editor.fixErrors')}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={save.isPending}>
            {save.isPending ? t('reminders.editor.saving') : t('reminders.editor.save')}
          </button>
        </div>
        <p role="status" className="parameter-status">
          {status}
        </p>
      </form>
    </section>
  );
}
