import { type UrlStateOptions, useUrlState } from '../../../lib/url-state.ts';
import { parseQueueParams, type QueueState, toQueueParams } from './queue-params.ts';

/** The queue page's state from the URL, and a way to change it (a new history entry unless `replace`). */
export function useQueueParams(): [
  QueueState,
  (change: (state: QueueState) => QueueState, options?: UrlStateOptions) => void,
] {
  return useUrlState(parseQueueParams, toQueueParams);
}
