import { type UrlStateOptions, useUrlState } from '../../../lib/url-state.ts';
import { type CaseListState, parseCaseListParams, toCaseListParams } from './case-list-params.ts';

/** The case list's state from the URL, and a way to change it (a new history entry unless `replace`). */
export function useCaseListParams(): [
  CaseListState,
  (change: (state: CaseListState) => CaseListState, options?: UrlStateOptions) => void,
] {
  return useUrlState(parseCaseListParams, toCaseListParams);
}
