import { useUrlState } from '../lib/url-state.ts';

const PARAM = 'portfolio';

const parse = (params: URLSearchParams) => params;
const keep = (params: URLSearchParams) => params;

/** The portfolio whose parameters are open, kept in the URL so the editor can be linked and Back closes it. */
export function useSelectedPortfolio(): [string | null, (portfolioId: string | null) => void] {
  const [params, update] = useUrlState(parse, keep);
  const select = (portfolioId: string | null) =>
    update((current) => {
      const next = new URLSearchParams(current);
      if (portfolioId) next.set(PARAM, portfolioId);
      else next.delete(PARAM);
      return next;
    });
  return [params.get(PARAM), select];
}

export function portfolioSearch(portfolioId: string): string {
  return `?${new URLSearchParams({ [PARAM]: portfolioId })}`;
}
