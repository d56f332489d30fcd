import type { ComplianceCheckOutput } from '@arrears/shared/schemas/compliance';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryStatus } from '../../../components/ui/query-status.tsx';
import { useSessionUser } from '../../../lib/session.tsx';
import type { ActionIntent } from '../hooks/action-intent.ts';
import type { PointNames } from '../hooks/point-names.ts';
import { formatInZone } from '../hooks/zone-time.ts';
import { ContactActions } from './contact-actions.tsx';
import { EscalationActions } from './escalation-actions.tsx';
import { RecordActions } from './record-actions.tsx';

interface ActionsPanelProps {
  check: {
    data: ComplianceCheckOutput | undefined;
    error: unknown;
    isFetching: boolean;
    refetch: () => unknown;
  };
  canWork: boolean;
  pointNames: PointNames;
  /** The case is open (active): money can be recorded on it. */
  active: boolean;
  openDisputeId: string | null;
  onIntent: (intent: ActionIntent) => void;
}

/**
 * The right-hand pane: every action with its verdict before it is used, from compliance.check, refreshed
 * after each action and every minute. Roles that only read the case see the verdicts without the buttons.
 */
export function ActionsPanel({
  check,
  canWork,
  pointNames,
  active,
  openDisputeId,
  onIntent,
}: ActionsPanelProps) {
  const { t } = useTranslation();
  const { locale, timeZone } = useSessionUser();
  const headingId = useId();
  const { data } = check;

  return (
    <section className="actions-panel" aria-labelledby={headingId} aria-busy={check.isFetching}>
      <div className="actions-panel-header">
        <h2 id={headingId}>{t('actions.heading')}</h2>
        <p className="muted" role="status">
          {check.isFetching
            ? t('actions.checking')
            : data
              ? t('actions.checkedAt', { time: formatInZone(data.evaluatedAt, timeZone, locale) })
              : ''}
        </p>
      </div>
      {!canWork && <p className="notice">{t('actions.readOnly')}</p>}
      {!data && <QueryStatus query={check} failedKey="actions.checkFailed" retryKey="case.retry" />}
      {!data && check.error === null && <p role="status">{t('actions.loading')}</p>}
      {data && (
        <>
          <div className="action-section">
            <h3 className="action-section-title">{t('actions.contactHeading')}</h3>
            <ContactActions check={data} canWork={canWork} pointNames={pointNames} onIntent={onIntent} />
          </div>
          <EscalationActions check={data} canWork={canWork} onIntent={onIntent} />
        </>
      )}
      {canWork && <RecordActions active={active} openDisputeId={openDisputeId} onIntent={onIntent} />}
    </section>
  );
}
