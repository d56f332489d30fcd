import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { type CaseListState, parseCaseListParams, toCaseListParams } from './case-list-params.ts';

type CaseListChange = (state: CaseListState) => CaseListState;

/** The case list's state from the URL, and a way to change it (a new history entry unless `replace`). */
export function useCaseListParams(): [
  CaseListState,
  (change: CaseListChange, options?: { replace?: boolean }) => void,
] {
  const [searchParams, setSearchParams] = useSearchParams();
  const state = useMemo(() => parseCaseListParams(searchParams), [searchParams]);
  const update = useCallback(
    (change: CaseListChange, options?: { replace?: boolean }) =>
      setSearchParams((current) => toCaseListParams(change(parseCaseListParams(current))), {
        replace: options?.replace ?? false,
      }),
    [setSearchParams],
  );
  return [state, update];
}
