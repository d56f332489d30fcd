import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc.ts';

/** The case screen's case: debtor (masked), banners, contact points with badges, balances, version. */
export function useCaseQuery(caseId: string) {
  const trpc = useTRPC();
  return useQuery(trpc.casework.get.queryOptions({ caseId }));
}
