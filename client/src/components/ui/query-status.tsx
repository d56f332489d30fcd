import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import { readApiError } from '../../lib/api-error.ts';

interface QueryStatusProps {
  /** The read (or the request) the page waits for. */
  query: { error: unknown; isPending?: boolean; refetch?: () => unknown };
  /** Said while the first answer is awaited; nothing is said without it. */
  loadingKey?: ParseKeys;
  /** The failure notice, which takes the server's message as `{{message}}`: `agencies.loadFailed`. */
  failedKey: ParseKeys;
  /** The retry button's words; without them the notice has no button. */
  retryKey?: ParseKeys;
}

/** What a page says of a read not answered yet: that it loads, or that it failed, with a button to ask again. */
export function QueryStatus({ query, loadingKey, failedKey, retryKey }: QueryStatusProps) {
  const { t } = useTranslation();
  if (query.error) {
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
  if (query.isPending && loadingKey) {
    return (
      <p role="status" className="page-status">
        {t(loadingKey)}
      </p>
    );
  }
  return null;
}
