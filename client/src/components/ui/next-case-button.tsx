import type { NothingWorkable } from '@arrears/shared/schemas/queues';
import { useTranslation } from 'react-i18next';
import type { useNextCase } from '../../hooks/use-next-case.ts';
import { readApiError } from '../../lib/api-error.ts';
import { formatInstantInZone } from '../../lib/format.ts';
import { useSessionUser } from '../../lib/session.tsx';
import { KeyHint } from './key-hint.tsx';
import { StatusIcon } from './status-icon.tsx';

/**
 * The "Next case" button (key `n`, bound by the page) and what it answers when nothing can be worked now: when
 * the next case opens, in the agent's clock and the same words as the queue rows, and which rows that look
 * workable it passed over and why. Only agents claim cases.
 */
export function NextCaseButton({ nextCase }: { nextCase: ReturnType<typeof useNextCase> }) {
  const { t } = useTranslation();
  const { nothing, error } = nextCase;
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
        {nothing && <NothingWorkableNotice nothing={nothing} />}
      </div>
      {error && (
        <p role="alert" className="field-error">
          {t('ui.nextCase.failed', { message: readApiError(error).message })}
        </p>
      )}
    </div>
  );
}

function NothingWorkableNotice({ nothing }: { nothing: NothingWorkable }) {
  const { t } = useTranslation();
  const { locale, timeZone } = useSessionUser();
  const { passedOver } = nothing;
  const passed = [
    passedOver.yours > 0 && t('ui.nextCase.passedYours', { count: passedOver.yours }),
    passedOver.others > 0 && t('ui.nextCase.passedOthers', { count: passedOver.others }),
    passedOver.closedSince > 0 && t('ui.nextCase.passedClosed', { count: passedOver.closedSince }),
  ].filter((line): line is string => typeof line === 'string');
  return (
    <div className="notice">
      <StatusIcon kind="info" />
      <div>
        <p>
          {t('ui.nextCase.nothing')}{' '}
          {nothing.stillChecking ? (
            t('ui.nextCase.stillChecking')
          ) : nothing.nextOpensAt ? (
            <time dateTime={nothing.nextOpensAt}>
              {t('ui.nextCase.opensAt', {
                time: formatInstantInZone(nothing.nextOpensAt, timeZone, locale),
              })}
            </time>
          ) : (
            t('ui.nextCase.noneOpens')
          )}
        </p>
        {passed.length > 0 && (
          <>
            <p>{t('ui.nextCase.passedOver')}</p>
            <ul className="next-case-passed">
              {passed.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </>
        )}
      </div>
    </div>
  );
}
