import type { CaseDetail } from '@arrears/shared/schemas/casework';
import type { ComplianceCheckOutput } from '@arrears/shared/schemas/compliance';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../components/ui/dialog.tsx';
import type { ActionIntent } from '../hooks/action-intent.ts';
import { pointNamesOf } from '../hooks/point-names.ts';
import { AttorneyForm } from './attorney-form.tsx';
import { CallbackForm } from './callback-form.tsx';
import { ComplaintForm } from './complaint-form.tsx';
import { DebtorEventForm } from './debtor-event-form.tsx';
import { EscalationForm } from './escalation-form.tsx';
import { LogCallForm } from './log-call-form.tsx';
import { NoteForm } from './note-form.tsx';
import { PaymentForm } from './payment-form.tsx';
import { PlanForm } from './plan-form.tsx';
import { PreferenceForm } from './preference-form.tsx';
import { PromiseForm } from './promise-form.tsx';
import { SendMessageForm } from './send-message-form.tsx';
import { StatementView } from './statement-view.tsx';
import { VerificationForm } from './verification-form.tsx';

interface ActionDialogProps {
  intent: ActionIntent | null;
  detail: CaseDetail;
  check: ComplianceCheckOutput | undefined;
  canWork: boolean;
  onClose: () => void;
  /** The action was saved; `callOutcome` tells a conversation from other calls. */
  onSaved: (intent: ActionIntent, callOutcome?: string) => void;
}

/**
 * The form for what the agent asked to do, in a modal dialog (Esc closes it, focus returns). A form opens
 * fresh each time, so a payment form's idempotency key belongs to that one opening.
 */
export function ActionDialog({ intent, detail, check, canWork, onClose, onSaved }: ActionDialogProps) {
  const { t } = useTranslation();
  const pointNames = pointNamesOf(detail.contactPoints, (kind) => t(`case.pointKind.${kind}`));
  const money = { currency: detail.case.currency, balanceMinor: detail.case.balanceMinor };

  let title = '';
  let body: ReactNode = null;
  if (intent) {
    const saved = (callOutcome?: string) => onSaved(intent, callOutcome);
    switch (intent.form) {
      case 'logCall':
        title = t('actions.logCall.title');
        body = check && (
          <LogCallForm
            check={check}
            contactPointId={intent.contactPointId}
            kind={intent.kind}
            placedAt={detail.case.placedAt}
            pointNames={pointNames}
            onDone={saved}
          />
        );
        break;
      case 'sendMessage':
        title = t(`actions.message.title.${intent.channel}`);
        body = check && (
          <SendMessageForm
            check={check}
            channel={intent.channel}
            contactPointId={intent.contactPointId}
            pointNames={pointNames}
            onDone={() => saved()}
          />
        );
        break;
      case 'escalation':
        title = t('actions.requestLabel', { escalation: t(`actions.escalation.${intent.kind}`) });
        body = <EscalationForm kind={intent.kind} onDone={() => saved()} />;
        break;
      case 'promise':
        title = t('actions.promise.title');
        body = <PromiseForm {...money} onDone={() => saved()} />;
        break;
      case 'plan':
        title = t('actions.plan.title');
        body = <PlanForm {...money} onDone={() => saved()} />;
        break;
      case 'payment':
        title = t('actions.payment.title');
        body = <PaymentForm {...money} onDone={() => saved()} />;
        break;
      case 'callback':
        title = t('actions.callback.title');
        body = <CallbackForm onDone={() => saved()} />;
        break;
      case 'note':
        title = t('actions.note.title');
        body = <NoteForm onDone={() => saved()} />;
        break;
      case 'complaint':
        title = t('actions.complaint.title');
        body = <ComplaintForm assignedAgent={detail.case.assignedAgent} onDone={() => saved()} />;
        break;
      case 'statement':
        title = t('case.statement.heading');
        body = check && <StatementView check={check} canWork={canWork} onSent={() => saved()} />;
        break;
      case 'verification':
        title = t('actions.verification.title');
        body = <VerificationForm disputeId={intent.disputeId} onDone={() => saved()} />;
        break;
      case 'flag': {
        title = t(`actions.flag.open.${intent.flag}`);
        const onDone = () => saved();
        if (intent.flag === 'attorney') body = <AttorneyForm onDone={onDone} />;
        else if (intent.flag === 'opt_out' || intent.flag === 'consent_revoked') {
          body = (
            <PreferenceForm
              onDone={onDone}
              kind={intent.flag}
              points={detail.contactPoints}
              contactPointId={intent.contactPointId}
            />
          );
        } else body = <DebtorEventForm onDone={onDone} kind={intent.flag} />;
        break;
      }
    }
  }

  return (
    <Dialog
      open={intent !== null}
      onClose={onClose}
      title={title}
      description={t('actions.dialogCase', {
        accountRef: detail.case.accountRef,
        name: detail.debtor.fullName,
      })}
      size={intent?.form === 'statement' ? 'wide' : 'normal'}
    >
      {body ?? <p role="status">{t('actions.loading')}</p>}
    </Dialog>
  );
}
