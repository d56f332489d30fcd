import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import { readApiError } from '../../lib/api-error.ts';

interface QueryFailureProps {
  /** The read that failed; nothing shows while its error is null. */
  query: { error: unknown; refetch?: () => unknown };
  /** The notice's text, which takes the server's message as `{{message}}`: `agencies.loadFailed`. */
  failedKey: ParseKeys;
  /** The retry button's words; without them the notice has no button. */
  retryKey?: ParseKeys;
}

/** A read that failed: the server's message in the page's words, and a button to ask again. */
export function QueryFailure({ query, failedKey, retryKey }: QueryFailureProps) {
  const { t } = useTranslation();
  if (!query.error) return null;
  return (
    <div role="alert" className="notice notice-error">
      <p>{t(failedKey, { message: readApiError(query.error).message })}</p>
      {retryKey && query.refetch && (
        <button type="button" className="button" onClick={() => void query.refetch?.()}>
          {t(retryKey)}
        </button>
      )}
    </div>
  );
}
