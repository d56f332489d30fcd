import { useTranslation } from 'react-i18next';
import { KeyHint } from '../../../components/ui/key-hint.tsx';
import type { ActionIntent } from '../hooks/action-intent.ts';

interface RecordActionsProps {
  /** Closed cases take no new promises or payments (the server refuses them too). */
  active: boolean;
  /** The dispute waiting for verification, if any: sending verification lifts its block. */
  openDisputeId: string | null;
  onIntent: (intent: ActionIntent) => void;
}

/**
 * What the agent records rather than sends: money, callbacks, notes, the debtor's rights and circumstances.
 * These do not reach the debtor, so they carry no verdict; the debtor's facts change the verdicts above.
 */
export function RecordActions({ active, openDisputeId, onIntent }: RecordActionsProps) {
  const { t } = useTranslation();
  const button = (intent: ActionIntent, label: string, shortcut?: string, step?: string) => (
    <li>
      <button
        type="button"
        className="button action-button"
        data-step={step}
        aria-keyshortcuts={shortcut}
        onClick={() => onIntent(intent)}
      >
        {label}
        {shortcut && <KeyHint keyName={shortcut} />}
      </button>
    </li>
  );
  return (
    <>
      {active && (
        <div className="action-group">
          <h3>{t('actions.moneyHeading')}</h3>
          <ul className="button-list">
            {button({ form: 'promise' }, t('actions.promise.open'), 'p', 'promise')}
            {button({ form: 'payment' }, t('actions.payment.open'), '$', 'payment')}
            {button({ form: 'plan' }, t('actions.plan.open'))}
          </ul>
        </div>
      )}
      <div className="action-group">
        <h3>{t('actions.followUpHeading')}</h3>
        <ul className="button-list">
          {button({ form: 'callback' }, t('actions.callback.open'), undefined, 'callback')}
          {button({ form: 'note' }, t('actions.note.open'), undefined, 'note')}
          {button({ form: 'statement' }, t('actions.statementOpen'))}
        </ul>
      </div>
      <div className="action-group">
        <h3>{t('actions.rightsHeading')}</h3>
        <ul className="button-list">
          {openDisputeId
            ? button({ form: 'verification', disputeId: openDisputeId }, t('actions.verification.open'))
            : button({ form: 'flag', flag: 'dispute' }, t('actions.flag.open.dispute'))}
          {button({ form: 'flag', flag: 'cease' }, t('actions.flag.open.cease'))}
          {button({ form: 'flag', flag: 'attorney' }, t('actions.flag.open.attorney'))}
          {button({ form: 'flag', flag: 'bankruptcy' }, t('actions.flag.open.bankruptcy'))}
          {button({ form: 'flag', flag: 'death' }, t('actions.flag.open.death'))}
          {button({ form: 'flag', flag: 'opt_out' }, t('actions.flag.open.opt_out'))}
          {button({ form: 'flag', flag: 'consent_revoked' }, t('actions.flag.open.consent_revoked'))}
          {button({ form: 'complaint' }, t('actions.complaint.open'))}
        </ul>
      </div>
    </>
  );
}
