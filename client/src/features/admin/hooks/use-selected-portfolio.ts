import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

const PARAM = 'portfolio';

/** The portfolio whose parameters are open, kept in the URL so the editor can be linked and Back closes it. */
export function useSelectedPortfolio(): [string | null, (portfolioId: string | null) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const select = useCallback(
    (portfolioId: string | null) =>
      setSearchParams((current) => {
        const next = new URLSearchParams(current);
        if (portfolioId) next.set(PARAM, portfolioId);
        else next.delete(PARAM);
        return next;
      }),
    [setSearchParams],
  );
  return [searchParams.get(PARAM), select];
}

export function portfolioSearch(portfolioId: string): string {
  return `?${new URLSearchParams({ [PARAM]: portfolioId })}`;
}
