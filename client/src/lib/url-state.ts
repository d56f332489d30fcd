import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export interface UrlStateOptions {
  /** Replace the current history entry instead of adding one (typing in a search box, say). */
  replace?: boolean;
}

/**
 * A page's state kept in the URL: parsed on every render, changed by a function of the state *as the address bar
 * holds it now*.
 *
 * React Router's functional `setSearchParams` hands the updater the params of the last committed render. While a
 * page suspends on the rows of the filter just chosen (a transition), that render lags behind the address bar, so
 * a second filter chosen quickly would drop the first. Reading `window.location.search` at the moment of the change
 * cannot lag.
 */
export function useUrlState<State>(
  parse: (params: URLSearchParams) => State,
  serialize: (state: State) => URLSearchParams,
): [State, (change: (state: State) => State, options?: UrlStateOptions) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const state = useMemo(() => parse(searchParams), [parse, searchParams]);
  const update = useCallback(
    (change: (state: State) => State, options?: UrlStateOptions) => {
      const current = parse(new URLSearchParams(window.location.search));
      setSearchParams(serialize(change(current)), { replace: options?.replace ?? false });
    },
    [parse, serialize, setSearchParams],
  );
  return [state, update];
}
