import { readApiError } from '../../lib/api-error.ts';

interface QueryFailureProps {
  /** The read that failed; nothing shows while its error is null. */
  query: { error: unknown; refetch?: () => unknown };
  /** The notice around the server's message: `(message) => t('agencies.loadFailed', { message })`. */
  text: (message: string) => string;
  /** The retry button's words; without them the notice has no button. */
  retryLabel?: string | undefined;
}

/** A read that failed: the server's message in the page's words, and a button to ask again. */
export function QueryFailure({ query, text, retryLabel }: QueryFailureProps) {
  if (!query.error) return null;
  return (
    <div role="alert" className="notice notice-error">
      <p>{text(readApiError(query.error).message)}</p>
      {retryLabel && query.refetch && (
        <button type="button" className="button" onClick={() => void query.refetch?.()}>
          {retryLabel}
        </button>
      )}
    </div>
  );
}
