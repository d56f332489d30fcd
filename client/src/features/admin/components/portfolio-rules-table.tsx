import type { PortfolioRules } from '@arrears/shared/schemas/rules';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TableHead } from '../../../components/ui/table-head.tsx';
import { portfolioSearch } from '../../../hooks/use-selected-portfolio.ts';
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
  const headingId = useId();

  return (
    <section aria-labelledby={headingId} className="admin-section">
      <h2 id={headingId}>{t('admin.portfolios.heading')}</h2>
      {portfolios.length === 0 ? (
        <p className="notice">{t('admin.portfolios.empty')}</p>
      ) : (
        <div className="admin-table-scroll">
          <table className="admin-table">
            <caption className="visually-hidden">{t('admin.portfolios.tableLabel')}</caption>
            <TableHead
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
            />
            <tbody>
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
                      <Link
                        id={editLinkId(portfolio.id)}
                        to={{ search: portfolioSearch(portfolio.id) }}
                        aria-label={t('admin.portfolios.editLabel', { name: portfolio.name })}
                        aria-current={selected ? 'true' : undefined}
                      >
                        {t('admin.portfolios.edit')}
                      </Link>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
