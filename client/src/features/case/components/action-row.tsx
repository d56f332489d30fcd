import type { ActionPreview } from '@arrears/shared/schemas/compliance';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { VerdictBadge } from '../../../components/ui/verdict-badge.tsx';
import { verdictState } from '../hooks/verdicts.ts';
import { VerdictDetails } from './verdict-details.tsx';

interface ActionRowProps {
  action: ActionPreview;
  /** What the button says: "Log call", "Send email". */
  buttonLabel: string;
  /** Where it goes, shown beside the button and part of its name: "Mobile •••4821". */
  target: string | null;
  debtorZone: string | undefined;
  /** False for roles that may look but not work the case: the verdict shows, the button does not. */
  canWork: boolean;
  onUse: () => void;
}

/** One action with its verdict before it is used; a blocked one is disabled and says why and until when. */
export function ActionRow({ action, buttonLabel, target, debtorZone, canWork, onUse }: ActionRowProps) {
  const { t } = useTranslation();
  const detailsId = useId();
  const state = verdictState(action.verdict);
  const { verdict } = action;
  const explain = state !== 'allowed';
  return (
    <li className={`action-row action-row-${state}`}>
      <div className="action-row-main">
        {target && <span className="action-target">{target}</span>}
        <VerdictBadge state={state} />
        {canWork && (
          <button
            type="button"
            className="button action-button"
            disabled={state === 'blocked'}
            aria-label={target ? t('actions.buttonFor', { action: buttonLabel, target }) : undefined}
            aria-describedby={explain ? detailsId : undefined}
            onClick={onUse}
          >
            {buttonLabel}
          </button>
        )}
      </div>
      {explain && (
        <VerdictDetails
          id={detailsId}
          violations={verdict.violations}
          warnings={verdict.warnings}
          opensAt={action.opensAt}
          overrideReason={verdict.override?.reason ?? null}
          debtorZone={debtorZone}
        />
      )}
    </li>
  );
}
