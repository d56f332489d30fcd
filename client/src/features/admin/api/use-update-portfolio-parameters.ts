import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc.ts';

/** Saves a portfolio's overrides; the answer replaces the portfolio in the list at once, then the list refreshes. */
export function useUpdatePortfolioParameters() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.rules.updatePortfolioParameters.mutationOptions({
      onSuccess: (saved) => {
        const queryKey = trpc.rules.portfolios.queryKey();
        queryClient.setQueryData(queryKey, (list) =>
          list ? { ...list, portfolios: list.portfolios.map((p) => (p.id === saved.id ? saved : p)) } : list,
        );
        void queryClient.invalidateQueries({ queryKey });
      },
    }),
  );
}
