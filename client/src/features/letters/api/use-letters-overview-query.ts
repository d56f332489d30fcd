import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc.ts';

/** The print queue and the latest batches. */
export function useLettersOverviewQuery() {
  const trpc = useTRPC();
  return useQuery(trpc.letters.overview.queryOptions());
}
