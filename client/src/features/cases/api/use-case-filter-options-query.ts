import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc.ts';

/** Portfolios and agents the signed-in person may filter the case list by. */
export function useCaseFilterOptionsQuery() {
  const trpc = useTRPC();
  return useQuery(trpc.cases.filterOptions.queryOptions(undefined, { staleTime: 5 * 60_000 }));
}
