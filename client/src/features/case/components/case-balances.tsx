import { formatMoney } from '@arrears/shared/domain/money';
import type { CaseDetail } from '@arrears/shared/schemas/casework';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { createViewerFormats } from '../../../lib/format.ts';
import { useSessionUser } from '../../../lib/session.tsx';

/** Principal, interest, fees, paid and owed in the case's currency, then where the case stands. */
export function CaseBalances({ caseInfo }: { caseInfo: CaseDetail['case'] }) {
  const { t } = useTranslation();
  const { locale, timeZone } = useSessionUser();
  const headingId = useId();
  const formats = createViewerFormats(locale, timeZone);
  const money = (amountMinor: number) => formatMoney(amountMinor, caseInfo.currency, locale);
  const amounts = [
    ['principal', caseInfo.principalMinor],
    ['interest', caseInfo.interestMinor],
    ['fees', caseInfo.feesMinor],
    ['paid', caseInfo.paidMinor],
  ] as const;

  return (
    <section className="case-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('case.balances.heading')}</h2>
      <dl className="balances">
        {amounts.map(([name, amountMinor]) => (
          <div key={name}>
            <dt>{t(`case.balances.${name}`)}</dt>
            <dd className="numeric">{money(amountMinor)}</dd>
          </div>
        ))}
        <div className="balance-owed">
          <dt>{t('case.balances.owed')}</dt>
          <dd className="numeric" data-testid="balance-owed">
            {money(caseInfo.balanceMinor)}
          </dd>
        </div>
      </dl>
      <dl className="case-facts">
        <div>
          <dt>{t('case.facts.daysPastDue')}</dt>
          <dd className="numeric">{formats.integer(caseInfo.daysPastDue)}</dd>
        </div>
        <div>
          <dt>{t('case.facts.bucket')}</dt>
          <dd>{t(`enums.bucket.${caseInfo.bucket}`)}</dd>
        </div>
        <div>
          <dt>{t('case.facts.stage')}</dt>
          <dd>{t(`enums.stage.${caseInfo.stage}`)}</dd>
        </div>
        <div>
          <dt>{t('case.facts.status')}</dt>
          <dd>{t(`enums.status.${caseInfo.status}`)}</dd>
        </div>
        <div>
          <dt>{t('case.facts.dueDate')}</dt>
          <dd>{formats.calendarDate(caseInfo.dueDate)}</dd>
        </div>
        <div>
          <dt>{t('case.facts.creditor')}</dt>
          <dd>
            {t('case.facts.creditorPortfolio', {
              creditor: caseInfo.creditorName,
              portfolio: caseInfo.portfolioName,
            })}
          </dd>
        </div>
        <div>
          <dt>{t('case.facts.agent')}</dt>
          <dd>{caseInfo.assignedAgent?.name ?? t('case.facts.teamPool')}</dd>
        </div>
      </dl>
    </section>
  );
}
