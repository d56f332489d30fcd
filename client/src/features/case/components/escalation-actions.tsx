import type { ComplianceCheckOutput } from '@arrears/shared/schemas/compliance';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { VerdictBadge } from '../../../components/ui/verdict-badge.tsx';
import type { ActionIntent } from '../hooks/action-intent.ts';
import { ESCALATION_ACTION_KINDS, type EscalationActionKind, escalationBlockers } from '../hooks/verdicts.ts';
import { VerdictDetails } from './verdict-details.tsx';

interface EscalationActionsProps {
  check: ComplianceCheckOutput;
  canWork: boolean;
  onIntent: (intent: ActionIntent) => void;
}

/**
 * The rungs above agent contact. The agent asks; a supervisor approves (POL-APPROVAL). A request is refused
 * here only when something other than the approval blocks the escalation, since approving could not help.
 */
export function EscalationActions({ check, canWork, onIntent }: EscalationActionsProps) {
  const { t } = useTranslation();
  const kinds = ESCALATION_ACTION_KINDS.filter((kind) => check.actions.some((a) => a.kind === kind));
  return (
    <div className="action-group">
      <h3>{t('actions.escalateHeading')}</h3>
      <ul className="action-list">
        {kinds.map((kind) => (
          <EscalationRow
            key={kind}
            kind={kind}
            check={check}
            canWork={canWork}
            onUse={() => onIntent({ form: 'escalation', kind })}
          />
        ))}
      </ul>
    </div>
  );
}

function EscalationRow(props: {
  kind: EscalationActionKind;
  check: ComplianceCheckOutput;
  canWork: boolean;
  onUse: () => void;
}) {
  const { t } = useTranslation();
  const detailsId = useId();
  const blockers = escalationBlockers(props.check, props.kind);
  const blocked = blockers.length > 0;
  return (
    <li className={`action-row action-row-${blocked ? 'blocked' : 'allowed'}`}>
      <div className="action-row-main">
        <span className="action-target">{t(`actions.escalationTitle.${props.kind}`)}</span>
        <VerdictBadge state={blocked ? 'blocked' : 'allowed'} />
        {props.canWork && (
          <button
            type="button"
            className="button action-button"
            disabled={blocked}
            aria-label={t('actions.requestLabel', { escalation: t(`actions.escalation.${props.kind}`) })}
            aria-describedby={detailsId}
            onClick={props.onUse}
          >
            {t('actions.request')}
          </button>
        )}
      </div>
      {blocked ? (
        <VerdictDetails
          id={detailsId}
          violations={blockers}
          warnings={[]}
          nextAllowedAt={null}
          debtorZone={props.check.debtorZones[0]?.zone}
        />
      ) : (
        <p id={detailsId} className="verdict-details muted">
          {t('actions.needsApproval')}
        </p>
      )}
    </li>
  );
}
