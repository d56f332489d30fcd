import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useActionCase } from '../hooks/action-case.tsx';
import type { ActionFailure } from '../hooks/action-error.ts';
import { VerdictDetails } from './verdict-details.tsx';

interface ActionFailureAlertProps {
  failure: ActionFailure | null;
  /** Shown instead of the server's message when the form itself found problems before sending. */
  localProblem?: string | null;
}

/**
 * The one alert of an action form. A refusal by a rule shows the server's verdict (rule, reason, source, when
 * it opens); a stale version says someone else changed the case; anything else shows the server's message.
 * The region is always in the page so that screen readers announce it when text arrives.
 */
export function ActionFailureAlert({ failure, localProblem }: ActionFailureAlertProps) {
  const { t } = useTranslation();
  const { debtorZone } = useActionCase();
  let content: ReactNode = null;
  if (localProblem) content = <p>{localProblem}</p>;
  else if (failure?.blocked) {
    content = (
      <>
        <p className="form-alert-title">{t('actions.failure.blocked')}</p>
        <VerdictDetails
          violations={failure.blocked.violations}
          warnings={failure.blocked.warnings}
          opensAt={failure.blocked.nextAllowedAt}
          debtorZone={debtorZone}
        />
      </>
    );
  } else if (failure?.appCode === 'STALE_VERSION') content = <p>{t('actions.failure.stale')}</p>;
  else if (failure && Object.keys(failure.fieldErrors).length > 0) {
    // Repeated here as well as beside the fields, so a problem with a field the form does not show is not lost.
    content = (
      <>
        <p>{t('actions.fixFields')}</p>
        <ul>
          {Object.values(failure.fieldErrors)
            .flat()
            .map((message) => (
              <li key={message}>{message}</li>
            ))}
        </ul>
      </>
    );
  } else if (failure) content = <p>{t('actions.failure.other', { message: failure.message })}</p>;
  return (
    <div role="alert" className="form-alert" data-empty={content === null || undefined}>
      {content}
    </div>
  );
}
