import { useTranslation } from 'react-i18next';
import type { useNextCase } from '../../hooks/use-next-case.ts';
import { readApiError } from '../../lib/api-error.ts';
import { useSessionUser } from '../../lib/session.tsx';
import { KeyHint } from './key-hint.tsx';
import { StatusIcon } from './status-icon.tsx';

/**
 * The "Next case" button (key `n`, bound by the page) and what it answers when nothing can be worked now:
 * the server's reason and when the next case opens, in the agent's clock. Only agents claim cases.
 */
export function NextCaseButton({ nextCase }: { nextCase: ReturnType<typeof useNextCase> }) {
  const { t } = useTranslation();
  const { locale, timeZone } = useSessionUser();
  const { nothing, error } = nextCase;
  const opensAt = nothing?.nextOpensAt
    ? new Intl.DateTimeFormat(locale, {
        timeZone,
        weekday: 'short',
        hour: 'numeric',
        minute: '2-digit',
        timeZoneName: 'short',
      }).format(new Date(nothing.nextOpensAt))
    : null;
  return (
    <div className="next-case">
      <button
        type="button"
        className="button button-primary"
        data-step="next-case"
        aria-keyshortcuts="n"
        disabled={nextCase.isPending}
        onClick={nextCase.takeNext}
      >
        {nextCase.isPending ? t('ui.nextCase.taking') : t('ui.nextCase.button')}
        <KeyHint keyName="n" />
      </button>
      <div role="status" className="next-case-status">
        {nothing && (
          <p className="notice">
            <StatusIcon kind="info" />
            <span>
              {t('ui.nextCase.nothing', { reason: nothing.reason ?? '' })}{' '}
              {opensAt && (
                <time dateTime={nothing.nextOpensAt ?? undefined}>
                  {t('ui.nextCase.opensAt', { time: opensAt })}
                </time>
              )}
            </span>
          </p>
        )}
      </div>
      {error && (
        <p role="alert" className="field-error">
          {t('ui.nextCase.failed', { message: readApiError(error).message })}
        </p>
      )}
    </div>
  );
}
