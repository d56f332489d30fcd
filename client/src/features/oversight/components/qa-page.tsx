import type { QaItem } from '@arrears/shared/schemas/oversight';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Badge } from '../../../components/ui/badge.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { QueryStatus } from '../../../components/ui/query-status.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TableHead } from '../../../components/ui/table-head.tsx';
import { qa } from '../../../i18n/en/qa.ts';
import { registerEnglish } from '../../../i18n/i18n.ts';
import { createViewerFormats } from '../../../lib/format.ts';
import { usePunctuation } from '../../../lib/punctuation.ts';
import { useSessionUser } from '../../../lib/session.tsx';
import { useAuditOptionsQuery, useQaSampleQuery } from '../api/audit-api.ts';
import { addDays, todayIn } from '../hooks/audit-params.ts';
import { ReviewStatus } from './audit-table.tsx';
import { ReviewForm } from './review-form.tsx';

registerEnglish({ qa });

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The day's QA sample: contacts drawn by risk (near a cap or a window edge, after a dispute or cease request,
 * overridden, agents with complaints), each with why it was picked. The same day shows the same sample.
 */
export function QaSamplePage() {
  const { t } = useTranslation();
  const punctuation = usePunctuation();
  const dateId = useId();
  const { locale, timeZone } = useSessionUser();
  const formats = createViewerFormats(locale, timeZone);
  const [params, setParams] = useSearchParams();
  const yesterday = addDays(todayIn(timeZone), -1);
  const date = DATE.test(params.get('date') ?? '') ? params.get('date')! : yesterday;
  const teamId = params.get('teamId') || undefined;
  const options = useAuditOptionsQuery();
  const sample = useQaSampleQuery({ date, teamId });
  const [reviewing, setReviewing] = useState<QaItem | null>(null);
  const set = (key: string, value: string | undefined) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    });

  return (
    <Page title={t('qa.pageTitle')} header={<p className="muted">{t('qa.intro')}</p>}>
      <search aria-label={t('qa.filtersLabel')} className="filter-bar">
        <div className="field">
          <label htmlFor={dateId}>{t('qa.date')}</label>
          <input
            id={dateId}
            type="date"
            value={date}
            onChange={(event) => event.target.value && set('date', event.target.value)}
          />
        </div>
        <SelectField
          label={t('qa.team')}
          emptyLabel={t('qa.allTeams')}
          value={teamId ?? ''}
          onChange={(value) => set('teamId', value || undefined)}
          options={(options.data?.teams ?? []).map((team) => ({ value: team.id, label: team.name }))}
        />
      </search>

      {sample.isPending && <p className="muted">{t('qa.loading')}</p>}
      <QueryStatus query={sample} failedKey="qa.loadFailed" retryKey="qa.retry" />
      {sample.data && sample.data.items.length === 0 && <p className="notice">{t('qa.empty')}</p>}
      {sample.data && sample.data.items.length > 0 && (
        <>
          <p role="status">
            {t('qa.summary', {
              count: sample.data.items.length,
              population: new Intl.NumberFormat(locale).format(sample.data.population),
            })}
          </p>
          <div className="data-table-scroll">
            <table aria-label={t('qa.tableLabel')}>
              <TableHead
                columns={[
                  t('qa.column.at'),
                  t('qa.column.case'),
                  t('qa.column.agent'),
                  t('qa.column.contact'),
                  t('qa.column.why'),
                  { label: t('qa.column.weight'), numeric: true },
                  t('qa.column.review'),
                  t('qa.column.actions'),
                ]}
              />
              <tbody>
                {sample.data.items.map((item) => (
                  <tr key={item.contactId}>
                    <td>
                      <time dateTime={item.occurredAt}>{formats.instant(item.occurredAt)}</time>
                    </td>
                    <td>
                      <Link to={`/cases/${item.caseId}`}>{item.accountRef}</Link>
                    </td>
                    <td>{item.agentName ?? '—'}</td>
                    <td>
                      {[t(`audit.channel.${item.kind}`), t(`audit.outcome.${item.outcome}`)].join(
                        punctuation.separator,
                      )}
                    </td>
                    <td>
                      {item.reasons.length === 0 ? (
                        <span className="muted">{t('qa.baseline')}</span>
                      ) : (
                        <ul className="qa-reasons">
                          {item.reasons.map((reason) => (
                            <li key={reason}>
                              <Badge tone="warning">{t(`qa.reason.${reason}`)}</Badge>
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td className="numeric">{item.weight}</td>
                    <td>
                      <ReviewStatus review={item.review} />
                    </td>
                    <td>
                      <span className="audit-row-actions">
                        {item.decisionId !== null && (
                          <Link to={`/compliance/audit/decisions/${item.decisionId}`}>
                            {t('audit.openDecision')}
                          </Link>
                        )}
                        <button
                          type="button"
                          className="button button-quiet"
                          aria-label={t('audit.reviewContactOf', {
                            ref: item.accountRef,
                            id: item.contactId,
                          })}
                          onClick={() => setReviewing(item)}
                        >
                          {t('audit.review.action')}
                        </button>
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <Dialog
        open={reviewing !== null}
        onClose={() => setReviewing(null)}
        title={t('audit.review.contactTitle', { ref: reviewing?.accountRef ?? '' })}
      >
        {reviewing && (
          <ReviewForm target="contact" id={reviewing.contactId} onDone={() => setReviewing(null)} />
        )}
      </Dialog>
    </Page>
  );
}
