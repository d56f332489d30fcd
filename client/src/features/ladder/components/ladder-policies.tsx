import type { LadderPolicyView } from '@arrears/shared/schemas/ladder';
import { type FormEvent, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminSection } from '../../../components/ui/admin-table.tsx';
import { ladder } from '../../../i18n/en/ladder.ts';
import { registerEnglish } from '../../../i18n/i18n.ts';
import { readApiError } from '../../../lib/api-error.ts';
import { createViewerFormats } from '../../../lib/format.ts';
import { usePunctuation } from '../../../lib/punctuation.ts';
import { useSessionUser } from '../../../lib/session.tsx';
import { useLadderPoliciesQuery, useRollRunsQuery, useUpdateLadderPolicy } from '../api/use-ladder.ts';

registerEnglish({ ladder });

const RUNGS = ['agentFromDays', 'agencyFromDays', 'legalFromDays'] as const;

/** Per portfolio, the days past due from which the nightly roll moves a case to each rung; and the latest rolls. */
export function LadderPolicies() {
  const { t } = useTranslation();
  const policies = useLadderPoliciesQuery();
  return (
    <AdminSection heading={t('ladder.heading')}>
      <p className="muted">{t('ladder.intro')}</p>
      {policies.isPending && (
        <p role="status" className="page-status">
          {t('ladder.loading')}
        </p>
      )}
      {policies.isError && (
        <p role="alert" className="notice notice-error">
          {t('ladder.loadFailed', { message: readApiError(policies.error).message })}
        </p>
      )}
      {policies.data && (
        <div className="admin-table-scroll">
          <table className="admin-table">
            <caption className="visually-hidden">{t('ladder.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ladder.column.portfolio')}</th>
                {RUNGS.map((rung) => (
                  <th key={rung} scope="col">
                    {t(`ladder.column.${rung}`)}
                  </th>
                ))}
                <th scope="col">
                  <span className="visually-hidden">{t('ladder.column.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {policies.data.map((policy) => (
                <PolicyRow key={`${policy.portfolioId}-${policy.updatedAt}`} policy={policy} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <RollRuns />
    </AdminSection>
  );
}

function PolicyRow({ policy }: { policy: LadderPolicyView }) {
  const { t } = useTranslation();
  const punctuation = usePunctuation();
  const update = useUpdateLadderPolicy();
  const formId = useId();
  const [values, setValues] = useState(() => Object.fromEntries(RUNGS.map((r) => [r, String(policy[r])])));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({
      portfolioId: policy.portfolioId,
      policy: {
        agentFromDays: Number(values.agentFromDays),
        agencyFromDays: Number(values.agencyFromDays),
        legalFromDays: Number(values.legalFromDays),
      },
    });
  };
  return (
    <tr>
      <th scope="row">
        {policy.portfolioName}
        {!policy.custom && <span className="muted">{punctuation.separator + t('ladder.defaults')}</span>}
        {update.isError && (
          <span role="alert" className="field-error">
            {' '}
            {readApiError(update.error).message}
          </span>
        )}
      </th>
      {RUNGS.map((rung) => (
        <td key={rung}>
          <input
            form={formId}
            inputMode="numeric"
            size={4}
            aria-label={t('ladder.inputLabel', {
              rung: t(`ladder.column.${rung}`),
              portfolio: policy.portfolioName,
            })}
            value={values[rung]}
            onChange={(e) => setValues({ ...values, [rung]: e.target.value })}
          />
        </td>
      ))}
      <td>
        <form id={formId} onSubmit={submit}>
          <button
            type="submit"
            className="button"
            disabled={update.isPending}
            aria-label={t('ladder.saveFor', { portfolio: policy.portfolioName })}
          >
            {update.isSuccess ? t('ladder.saved') : t('ladder.save')}
          </button>
        </form>
      </td>
    </tr>
  );
}

function RollRuns() {
  const { t } = useTranslation();
  const punctuation = usePunctuation();
  const { locale, timeZone } = useSessionUser();
  const formats = useMemo(() => createViewerFormats(locale, timeZone), [locale, timeZone]);
  const runs = useRollRunsQuery();
  if (!runs.data) return null;
  return (
    <>
      <h3>{t('ladder.runs.heading')}</h3>
      {runs.data.length === 0 ? (
        <p className="muted">{t('ladder.runs.empty')}</p>
      ) : (
        <ul>
          {runs.data.map((run) => (
            <li key={run.runDate}>
              {formats.calendarDate(run.runDate) + punctuation.dash + t(`ladder.runs.status.${run.status}`)}
              {run.summary &&
                punctuation.separator +
                  t('ladder.runs.summary', {
                    scanned: run.summary.scanned,
                    agent: run.summary.moves.agent,
                    agency: run.summary.moves.agency,
                    legal: run.summary.moves.legal,
                    broken: run.summary.promisesBroken,
                  })}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
