import type { PortfolioStrategyOutput } from '@arrears/shared/schemas/reminders';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { AdminSection, AdminTable } from '../../../components/ui/admin-table.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { PortfolioEditLink } from '../../../components/ui/portfolio-edit-link.tsx';
import { QueryStatus } from '../../../components/ui/query-status.tsx';
import { useReminderStrategiesQuery } from '../../../hooks/use-reminder-strategies.ts';
import { useSelectedPortfolio } from '../../../hooks/use-selected-portfolio.ts';
import { reminders } from '../../../i18n/en/reminders.ts';
import { registerEnglish } from '../../../i18n/i18n.ts';
import { usePunctuation } from '../../../lib/punctuation.ts';
import { StrategyEditor } from './strategy-editor.tsx';

registerEnglish({ reminders });

const editLinkId = (portfolioId: string) => `edit-reminders-${portfolioId}`;

/** Admin → Reminders: each portfolio's automated reminder strategy, and the editor of the one selected. */
export function RemindersPage() {
  const { t } = useTranslation();
  const strategies = useReminderStrategiesQuery();
  const [selectedId, select] = useSelectedPortfolio();
  const selected = strategies.data?.find((p) => p.portfolioId === selectedId);

  return (
    <Page title={t('sectionTabs.admin.reminders')} className="reminders-admin">
      <p className="muted">{t('reminders.intro')}</p>

      <QueryStatus
        query={strategies}
        loadingKey="reminders.loading"
        failedKey="reminders.loadFailed"
        retryKey="reminders.retry"
      />
      {strategies.data && (
        <>
          <StrategiesTable portfolios={strategies.data} selectedId={selected?.portfolioId ?? null} />
          {selected && (
            <StrategyEditor
              key={selected.portfolioId}
              portfolio={selected}
              onClose={() => {
                select(null);
                document.getElementById(editLinkId(selected.portfolioId))?.focus();
              }}
            />
          )}
        </>
      )}
    </Page>
  );
}

function StrategiesTable({
  portfolios,
  selectedId,
}: {
  portfolios: readonly PortfolioStrategyOutput[];
  selectedId: string | null;
}) {
  const { t } = useTranslation();
  const punctuation = usePunctuation();
  return (
    <AdminSection heading={t('reminders.table.heading')}>
      {portfolios.length === 0 ? (
        <p className="notice">{t('reminders.table.empty')}</p>
      ) : (
        <AdminTable
          caption={t('reminders.table.heading')}
          columns={[
            t('reminders.table.portfolio'),
            t('reminders.table.strategy'),
            t('reminders.table.steps'),
            t('reminders.table.status'),
            { label: t('reminders.table.actions'), hidden: true },
          ]}
        >
          {portfolios.map((p) => {
            const selected = p.portfolioId === selectedId;
            const strategy = p.strategy;
            return (
              <tr key={p.portfolioId} className={selected ? 'is-selected' : undefined}>
                <th scope="row">{p.portfolioName}</th>
                <td>
                  {strategy ? strategy.name : <span className="muted">{t('reminders.table.none')}</span>}
                </td>
                <td>
                  {strategy && strategy.steps.length > 0
                    ? strategy.steps
                        .map((s) =>
                          t('reminders.table.stepSummary', {
                            day: dayLabel(t, s.offsetDays),
                            channel: t(`reminders.channel.${s.channel}`),
                          }),
                        )
                        .join(punctuation.separator)
                    : '—'}
                </td>
                <td>
                  {strategy
                    ? strategy.active
                      ? t('reminders.table.active')
                      : t('reminders.table.paused')
                    : '—'}
                </td>
                <td>
                  <PortfolioEditLink
                    id={editLinkId(p.portfolioId)}
                    portfolioId={p.portfolioId}
                    label={t('reminders.table.editLabel', { name: p.portfolioName })}
                    selected={selected}
                  >
                    {strategy ? t('reminders.table.edit') : t('reminders.table.create')}
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

/** "3 days before", "on the due date", "7 days after". */
export function dayLabel(t: TFunction, offset: number): string {
  if (offset === 0) return t('reminders.day.due');
  return offset < 0
    ? t('reminders.day.before', { count: -offset })
    : t('reminders.day.after', { count: offset });
}
