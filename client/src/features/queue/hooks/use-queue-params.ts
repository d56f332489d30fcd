import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { parseQueueParams, type QueueState, toQueueParams } from './queue-params.ts';

/** The queue page's state from the URL, and a way to change it (a new history entry unless `replace`). */
export function useQueueParams(): [
  QueueState,
  (change: (state: QueueState) => QueueState, options?: { replace?: boolean }) => void,
] {
  const [searchParams, setSearchParams] = useSearchParams();
  const state = useMemo(() => parseQueueParams(searchParams), [searchParams]);
  const update = useCallback(
    (change: (state: QueueState) => QueueState, options?: { replace?: boolean }) =>
      setSearchParams((current) => toQueueParams(change(parseQueueParams(current))), {
        replace: options?.replace ?? false,
      }),
    [setSearchParams],
  );
  return [state, update];
}
