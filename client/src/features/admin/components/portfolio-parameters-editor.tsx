import type { PortfolioRules, RulesCatalog } from '@arrears/shared/schemas/rules';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRulePortfoliosQuery } from '../api/use-rule-portfolios-query.ts';
import { useUpdatePortfolioParameters } from '../api/use-update-portfolio-parameters.ts';
import { ParameterForm } from './parameter-form.tsx';

interface PortfolioParametersEditorProps {
  portfolio: PortfolioRules;
  catalog: RulesCatalog;
  onClose: () => void;
}

/** One portfolio's parameters: its version, the form, and what happened to the last save. */
export function PortfolioParametersEditor({ portfolio, catalog, onClose }: PortfolioParametersEditorProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const update = useUpdatePortfolioParameters();
  const portfolios = useRulePortfoliosQuery();
  const [status, setStatus] = useState('');
  // The form edits the values it was opened with: a newer version arriving in the background must not wipe
  // what is being typed (saving it is then refused as stale). It restarts after a save or an explicit reload.
  const [formSource, setFormSource] = useState(portfolio);
  const [formGeneration, setFormGeneration] = useState(0);
  const restartForm = (source: PortfolioRules) => {
    setFormSource(source);
    setFormGeneration((generation) => generation + 1);
  };

  // Opening a portfolio moves focus here, so keyboard and screen-reader users land on what they opened.
  useEffect(() => headingRef.current?.focus(), []);

  const packs = portfolio.packIds.flatMap((id) => catalog.packs.filter((pack) => pack.id === id));

  return (
    <section aria-labelledby={headingId} className="admin-section parameter-editor">
      <div className="parameter-editor-header">
        <h2 id={headingId} ref={headingRef} tabIndex={-1}>
          {t('admin.editor.heading', { name: portfolio.name })}
        </h2>
        <button type="button" className="button" onClick={onClose}>
          {t('admin.editor.close')}
        </button>
      </div>
      <p className="parameter-version">
        <strong>{t('admin.editor.version', { version: portfolio.ruleParametersVersion })}</strong>{' '}
        <span className="muted">{t('admin.editor.stamp', { stamp: portfolio.decisionStamp })}</span>
      </p>
      <p className="muted">{t('admin.editor.intro')}</p>

      {portfolio.problems.length > 0 && (
        <div className="notice notice-error">
          <p>{t('admin.editor.storedProblems')}</p>
          <ul>
            {portfolio.problems.map((problem) => (
              <li key={`${problem.parameter}:${problem.code}`}>{problem.message}</li>
            ))}
          </ul>
        </div>
      )}

      <p role="status" className="parameter-status">
        {status}
      </p>

      <ParameterForm
        key={formGeneration}
        packs={packs}
        portfolio={formSource}
        saving={update.isPending}
        saveError={update.error}
        onNothingToSave={() => setStatus(t('admin.editor.nothingToSave'))}
        onReload={async () => {
          const { data } = await portfolios.refetch();
          const latest = data?.portfolios.find((p) => p.id === portfolio.id);
          if (latest) restartForm(latest);
          update.reset();
        }}
        onSave={(overrides) => {
          setStatus('');
          update.mutate(
            { portfolioId: portfolio.id, expectedVersion: formSource.ruleParametersVersion, overrides },
            {
              onSuccess: (saved) => {
                restartForm(saved);
                setStatus(t('admin.editor.saved', { version: saved.ruleParametersVersion }));
              },
            },
          );
        }}
      />
    </section>
  );
}
