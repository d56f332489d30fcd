import type { PortfolioRules } from '@arrears/shared/schemas/rules';
import { useTranslation } from 'react-i18next';
import { AdminSection, AdminTable } from '../../../components/ui/admin-table.tsx';
import { PortfolioEditLink } from '../../../components/ui/portfolio-edit-link.tsx';
import { usePunctuation } from '../../../lib/punctuation.ts';

/** The id of a portfolio's edit link, so closing its editor can put the focus back where it came from. */
export function editLinkId(portfolioId: string): string {
  return `edit-portfolio-${portfolioId}`;
}

interface PortfolioRulesTableProps {
  portfolios: readonly PortfolioRules[];
  selectedId: string | null;
}

/** Each portfolio with the packs that apply to it, how many parameters it tightens and its parameter version. */
export function PortfolioRulesTable({ portfolios, selectedId }: PortfolioRulesTableProps) {
  const { t } = useTranslation();
  const punctuation = usePunctuation();

  return (
    <AdminSection heading={t('admin.portfolios.heading')}>
      {portfolios.length === 0 ? (
        <p className="notice">{t('admin.portfolios.empty')}</p>
      ) : (
        <AdminTable
          caption={t('admin.portfolios.tableLabel')}
          columns={[
            t('admin.portfolios.column.name'),
            t('admin.portfolios.column.creditor'),
            t('admin.portfolios.column.jurisdiction'),
            t('admin.portfolios.column.currency'),
            t('admin.portfolios.column.packs'),
            t('admin.portfolios.column.overrides'),
            { label: t('admin.portfolios.column.version'), numeric: true },
            { label: t('admin.portfolios.column.actions'), hidden: true },
          ]}
        >
          {portfolios.map((portfolio) => {
            const overrideCount = Object.keys(portfolio.overrides).length;
            const selected = portfolio.id === selectedId;
            return (
              <tr key={portfolio.id} className={selected ? 'is-selected' : undefined}>
                <th scope="row">{portfolio.name}</th>
                <td>{portfolio.creditorName}</td>
                <td>
                  {portfolio.jurisdiction.region
                    ? t('admin.jurisdiction', {
                        country: portfolio.jurisdiction.country,
                        region: portfolio.jurisdiction.region,
                      })
                    : portfolio.jurisdiction.country}
                </td>
                <td>{portfolio.currency}</td>
                <td>{portfolio.packIds.join(punctuation.separator)}</td>
                <td>
                  {overrideCount === 0
                    ? t('admin.portfolios.none')
                    : t('admin.portfolios.overrideCount', { count: overrideCount })}
                </td>
                <td className="numeric">{portfolio.ruleParametersVersion}</td>
                <td>
                  <PortfolioEditLink
                    id={editLinkId(portfolio.id)}
                    portfolioId={portfolio.id}
                    label={t('admin.portfolios.editLabel', { name: portfolio.name })}
                    selected={selected}
                  >
                    {t('admin.portfolios.edit')}
                  </PortfolioEditLink>
                </td>
              </tr>
            );
          })}
        </AdminTable>
      )}
    </AdminSection>
  );
}
