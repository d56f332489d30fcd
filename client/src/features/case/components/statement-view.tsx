import type { ComplianceCheckOutput } from '@arrears/shared/schemas/compliance';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryStatus } from '../../../components/ui/query-status.tsx';
import { useIdempotencyKey } from '../../../hooks/use-idempotency-key.ts';
import { useSendStatement } from '../api/use-send-statement.ts';
import { useStatementQuery } from '../api/use-statement-query.ts';
import { useActionCase } from '../hooks/action-case.tsx';
import { readActionError } from '../hooks/action-error.ts';
import { ActionFailureAlert } from './action-failure.tsx';
import { StatementBody } from './statement-body.tsx';

export interface StatementViewProps {
  check: ComplianceCheckOutput;
  canWork: boolean;
  onSent: () => void;
}

/**
 * The statement of the debt (the debtor's right to know), printable, and sendable as a letter or an email
 * through the compliance guard.
 */
export function StatementView({ check, canWork, onSent }: StatementViewProps) {
  const idempotency = useIdempotencyKey();
  const { t } = useTranslation();
  const { caseId, expectedVersion: version } = useActionCase();
  const statement = useStatementQuery(caseId);
  const send = useSendStatement(caseId);
  const emails = check.actions.filter((a) => a.kind === 'email' && a.contactPointId !== null);
  const [emailId, setEmailId] = useState(emails[0]?.contactPointId ?? '');
  const failure = send.error ? readActionError(send.error) : null;

  if (statement.isPending) return <p role="status">{t('case.statement.loading')}</p>;
  if (statement.isError) {
    return <QueryStatus query={statement} failedKey="case.statement.failed" retryKey="case.retry" />;
  }
  return (
    <div className="statement">
      <StatementBody statement={statement.data} />
      <ActionFailureAlert failure={failure} />
      <div className="form-actions statement-actions">
        <button type="button" className="button" onClick={() => window.print()}>
          {t('case.statement.print')}
        </button>
        {canWork && (
          <>
            <button
              type="button"
              className="button"
              disabled={send.isPending}
              onClick={() =>
                send.mutate(
                  { idempotencyKey: idempotency.key, caseId, channel: 'letter', ...version },
                  {
                    onSuccess: () => {
                      idempotency.renew();
                      onSent();
                    },
                  },
                )
              }
            >
              {t('case.statement.sendLetter')}
            </button>
            {emails.length > 0 && (
              <span className="inline-field">
                <label>
                  {t('case.statement.emailTo')}{' '}
                  <select value={emailId} onChange={(event) => setEmailId(event.target.value)}>
                    {emails.map((action) => (
                      <option key={action.contactPointId} value={action.contactPointId ?? ''}>
                        {action.contactPointLabel}
                      </option>
                    ))}
                  </select>
                </label>
                <button
                  type="button"
                  className="button"
                  disabled={send.isPending || !emailId}
                  onClick={() =>
                    send.mutate(
                      {
                        idempotencyKey: idempotency.key,
                        caseId,
                        channel: 'email',
                        contactPointId: emailId,
                        ...version,
                      },
                      {
                        onSuccess: () => {
                          idempotency.renew();
                          onSent();
                        },
                      },
                    )
                  }
                >
                  {t('case.statement.sendEmail')}
                </button>
              </span>
            )}
          </>
        )}
      </div>
    </div>
  );
}
