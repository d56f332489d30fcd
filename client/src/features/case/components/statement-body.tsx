import { formatMoney } from '@arrears/shared/domain/money';
import type { Statement } from '@arrears/shared/schemas/casework';
import { useTranslation } from 'react-i18next';
import { TableHead } from '../../../components/ui/table-head.tsx';
import { createViewerFormats } from '../../../lib/format.ts';
import { usePunctuation } from '../../../lib/punctuation.ts';
import { useSessionUser } from '../../../lib/session.tsx';

/** The statement itself: who, what was charged and paid per component, the payments, what is owed. */
export function StatementBody({ statement }: { statement: Statement }) {
  const { t } = useTranslation();
  const punctuation = usePunctuation();
  const { locale, timeZone } = useSessionUser();
  const formats = createViewerFormats(locale, timeZone);
  const money = (minor: number) => formatMoney(minor, statement.currency, locale);
  const rows = [
    ['principal', statement.principal],
    ['interest', statement.interest],
    ['fees', statement.fees],
  ] as const;
  return (
    <article className="statement-body" aria-label={t('case.statement.heading')}>
      <dl className="statement-parties">
        <div>
          <dt>{t('case.statement.creditor')}</dt>
          <dd>{statement.creditorName}</dd>
        </div>
        <div>
          <dt>{t('case.statement.account')}</dt>
          <dd>{statement.accountRef}</dd>
        </div>
        <div>
          <dt>{t('case.statement.debtor')}</dt>
          <dd>{statement.debtorName}</dd>
        </div>
        <div>
          <dt>{t('case.statement.generated')}</dt>
          <dd>{formats.instant(statement.generatedAt)}</dd>
        </div>
        <div>
          <dt>{t('case.statement.collection')}</dt>
          <dd>
            {[
              t(`enums.stage.${statement.collection.stage}`),
              t(`enums.status.${statement.collection.status}`),
              statement.collection.agency?.name,
            ]
              .filter(Boolean)
              .join(punctuation.separator)}
          </dd>
        </div>
      </dl>
      <table className="statement-table">
        <caption>{t('case.statement.amounts')}</caption>
        <TableHead
          columns={[
            t('case.statement.component'),
            { label: t('case.statement.charged'), numeric: true },
            { label: t('case.statement.paid'), numeric: true },
            { label: t('case.statement.owed'), numeric: true },
          ]}
        />
        <tbody>
          {rows.map(([name, component]) => (
            <tr key={name}>
              <th scope="row">{t(`case.balances.${name}`)}</th>
              <td className="numeric">{money(component.chargedMinor)}</td>
              <td className="numeric">{money(component.paidMinor)}</td>
              <td className="numeric">{money(component.owedMinor)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('case.statement.total')}</th>
            <td className="numeric">{money(statement.totalChargedMinor)}</td>
            <td className="numeric">{money(statement.totalPaidMinor)}</td>
            <td className="numeric">{money(statement.balanceMinor)}</td>
          </tr>
        </tfoot>
      </table>
      <p>{t('case.statement.original', { amount: money(statement.originalPrincipalMinor) })}</p>
      {statement.payments.length > 0 && (
        <table className="statement-table">
          <caption>{t('case.statement.payments')}</caption>
          <TableHead
            columns={[
              t('case.statement.received'),
              t('actions.payment.method'),
              { label: t('case.statement.amount'), numeric: true },
            ]}
          />
          <tbody>
            {statement.payments.map((payment) => (
              <tr key={payment.id}>
                <td>{formats.instant(payment.receivedAt)}</td>
                <td>{t(`actions.paymentMethod.${payment.method}`)}</td>
                <td className="numeric">{money(payment.amountMinor)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}
