import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/ui/page.tsx';
import { useSelectedPortfolio } from '../../../hooks/use-selected-portfolio.ts';
import { readApiError } from '../../../lib/api-error.ts';
import { useRulePortfoliosQuery } from '../api/use-rule-portfolios-query.ts';
import { useRulesCatalogQuery } from '../api/use-rules-catalog-query.ts';
import { PortfolioParametersEditor } from './portfolio-parameters-editor.tsx';
import { editLinkId, PortfolioRulesTable } from './portfolio-rules-table.tsx';
import { RulePackList } from './rule-pack-list.tsx';

/** The admin section: the rule packs and, per portfolio, the parameters it tightens. */
export function RulesAdminPage() {
  const { t } = useTranslation();
  const catalog = useRulesCatalogQuery();
  const portfolios = useRulePortfoliosQuery();
  const [selectedId, select] = useSelectedPortfolio();

  const failed = catalog.error ?? portfolios.error;
  const selected = portfolios.data?.portfolios.find((portfolio) => portfolio.id === selectedId);

  return (
    <Page
      title={t('admin.pageTitle')}
      className="rules-admin"
      header={
        catalog.data && (
          <p className="ruleset-version">
            {t('admin.rulesetVersion', { version: catalog.data.rulesetVersion })}
          </p>
        )
      }
    >
      <p className="muted">{t('admin.intro')}</p>

      {failed && (
        <div role="alert" className="notice notice-error">
          <p>{t('admin.loadFailed', { message: readApiError(failed).message })}</p>
          <button
            type="button"
            className="button"
            onClick={() => {
              if (catalog.isError) void catalog.refetch();
              if (portfolios.isError) void portfolios.refetch();
            }}
          >
            {t('admin.retry')}
          </button>
        </div>
      )}

      {!failed && (catalog.isPending || portfolios.isPending) && (
        <p role="status" className="page-status">
          {t('admin.loading')}
        </p>
      )}

      {catalog.data && portfolios.data && (
        <>
          <PortfolioRulesTable portfolios={portfolios.data.portfolios} selectedId={selected?.id ?? null} />
          {selected && (
            <PortfolioParametersEditor
              key={selected.id}
              portfolio={selected}
              catalog={catalog.data}
              onClose={() => {
                select(null);
                // The editor and its Close button go away; the focus returns to the link that opened it.
                document.getElementById(editLinkId(selected.id))?.focus();
              }}
            />
          )}
          <RulePackList packs={catalog.data.packs} />
        </>
      )}
    </Page>
  );
}
